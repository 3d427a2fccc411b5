/**
 * The one error catalogue. Every failure callqa reports has a stable code, an HTTP status
 * (for the API) and a CLI exit code; messages name the object, the cause and the next step.
 * `docs/errors.md` lists the same codes and a test keeps the two in sync.
 */
export const errorCatalogue = {
  CQA_ERR_INPUT_NOT_FOUND: { statusCode: 404, exitCode: 2, summary: 'input path does not exist' },
  CQA_ERR_INPUT_NOT_FILE: { statusCode: 422, exitCode: 3, summary: 'the path is a FIFO, device, socket or folder, not a recording file' },
  CQA_ERR_INPUT_UNREADABLE: { statusCode: 422, exitCode: 3, summary: 'the file or folder may not be read by this process' },
  CQA_ERR_INPUT_EMPTY: { statusCode: 400, exitCode: 3, summary: 'input file has zero bytes' },
  CQA_ERR_INPUT_NOT_MEDIA: { statusCode: 415, exitCode: 3, summary: 'ffmpeg cannot read the file as audio or video' },
  CQA_ERR_INPUT_NO_AUDIO: { statusCode: 422, exitCode: 3, summary: 'the file has no audio stream' },
  CQA_ERR_INPUT_NO_SAMPLES: { statusCode: 422, exitCode: 3, summary: 'the audio stream holds no samples' },
  CQA_ERR_INPUT_TOO_MANY_CHANNELS: { statusCode: 422, exitCode: 3, summary: 'more than two audio channels' },
  CQA_ERR_INPUT_TRUNCATED: { statusCode: 422, exitCode: 3, summary: 'decoded audio is shorter than the container declares' },
  CQA_ERR_INPUT_CORRUPT: { statusCode: 422, exitCode: 3, summary: 'ffmpeg failed while decoding the audio' },
  CQA_ERR_INPUT_BAD_HEADER: { statusCode: 422, exitCode: 3, summary: 'the WAV header contradicts itself (sample width, block size)' },
  CQA_ERR_INPUT_SAMPLE_RATE: { statusCode: 422, exitCode: 3, summary: 'the sample rate is below what any real recording has' },
  CQA_ERR_INPUT_TOO_LONG: { statusCode: 422, exitCode: 3, summary: 'the recording is longer than the accepted maximum' },
  CQA_ERR_INPUT_DECODE_TIMEOUT: { statusCode: 422, exitCode: 3, summary: 'decoding the file took more CPU time than the limit' },
  CQA_ERR_INPUT_CONTAINER_REFUSED: { statusCode: 415, exitCode: 3, summary: 'a playlist, concatenation script or other container callqa does not read' },
  CQA_ERR_INPUT_NONE_FOUND: { statusCode: 400, exitCode: 2, summary: 'no recordings found under the given paths' },
  CQA_ERR_FFMPEG_MISSING: { statusCode: 500, exitCode: 4, summary: 'no usable ffmpeg/ffprobe binary' },
  CQA_ERR_CONFIG_INVALID: { statusCode: 400, exitCode: 2, summary: 'an option, setting or settings file is invalid' },
  CQA_ERR_STORE_LOCKED: { statusCode: 503, exitCode: 5, summary: 'the database file is held by another process' },
  CQA_ERR_STORE_OPEN: { statusCode: 500, exitCode: 5, summary: 'the database file cannot be opened' },
  CQA_ERR_STORE_SCHEMA_NEWER: { statusCode: 500, exitCode: 5, summary: 'the database was written by a newer callqa' },
  CQA_ERR_STORE_WRITE: { statusCode: 500, exitCode: 5, summary: 'writing a call to the database failed' },
  CQA_ERR_MODEL_INVALID: { statusCode: 500, exitCode: 6, summary: 'a model file is missing or fails verification' },
  CQA_ERR_INTERNAL: { statusCode: 500, exitCode: 70, summary: 'an unexpected internal failure' },
  CQA_ERR_SEARCH_QUERY_INVALID: { statusCode: 400, exitCode: 2, summary: 'a transcript search query cannot be read' },
  CQA_ERR_API_BAD_REQUEST: { statusCode: 400, exitCode: 2, summary: 'a request parameter, query or body is invalid' },
  CQA_ERR_API_UNAUTHENTICATED: { statusCode: 401, exitCode: 77, summary: 'no valid API token was presented' },
  CQA_ERR_API_TOKEN_EXPIRED: { statusCode: 401, exitCode: 77, summary: 'the API token has expired' },
  CQA_ERR_API_FORBIDDEN: { statusCode: 403, exitCode: 77, summary: "the token's role may not use this route" },
  CQA_ERR_API_NOT_FOUND: { statusCode: 404, exitCode: 2, summary: 'no such route, call, example or job' },
  CQA_ERR_USER_NOT_FOUND: { statusCode: 404, exitCode: 2, summary: 'no such user, or no such token of the user' },
  CQA_ERR_API_RECORDING_MISSING: { statusCode: 404, exitCode: 2, summary: "a call's recording is no longer where it was analysed, or has changed" },
  CQA_ERR_API_PAYLOAD_TOO_LARGE: { statusCode: 413, exitCode: 2, summary: 'the request body is larger than the server accepts' },
  CQA_ERR_API_UNSUPPORTED_MEDIA_TYPE: { statusCode: 415, exitCode: 2, summary: 'the request body has a content type the route does not accept' },
  CQA_ERR_API_REQUEST_TIMEOUT: { statusCode: 408, exitCode: 75, summary: 'the request body stopped arriving before it was complete' },
  CQA_ERR_API_RANGE_NOT_SATISFIABLE: { statusCode: 416, exitCode: 2, summary: 'the requested byte range lies outside the file' },
  CQA_ERR_API_UNPROCESSABLE: { statusCode: 422, exitCode: 2, summary: 'the request does not fit the call (span outside it, rule not checked)' },
  CQA_ERR_API_CONFLICT: { statusCode: 409, exitCode: 2, summary: 'the request conflicts with the state of what it acts on (a blind calibration, a closed dispute window)' },
  CQA_ERR_API_RATE_LIMITED: { statusCode: 429, exitCode: 75, summary: 'too many requests from this token or address' },
  CQA_ERR_API_QUEUE_FULL: { statusCode: 503, exitCode: 75, summary: 'the analysis queue is full' },
  CQA_ERR_QUEUE_DEAD_LETTER: { statusCode: 500, exitCode: 75, summary: 'a queued job used up its attempts (or stalled too often) and was set aside' },
  CQA_ERR_CDR_COLUMNS: { statusCode: 422, exitCode: 3, summary: 'a call-detail CSV lacks a documented column or has an unknown one' },
  CQA_ERR_CDR_VALUE: { statusCode: 422, exitCode: 3, summary: 'a call-detail CSV row holds a value of the wrong type, or lacks a required one' },
  CQA_ERR_METADATA_INVALID: { statusCode: 422, exitCode: 3, summary: "a recording's metadata file is not a JSON object of known, valid fields" },
  CQA_ERR_CONVERSATION_FORMAT: { statusCode: 422, exitCode: 3, summary: 'a chat or e-mail conversation file is not in a form callqa reads, or breaks it' },
  CQA_ERR_CONVERSATION_COLUMNS: { statusCode: 422, exitCode: 3, summary: 'a chat CSV lacks a required column or has an unknown one' },
  CQA_ERR_CONVERSATION_DATE: { statusCode: 422, exitCode: 3, summary: "a message's sending time is missing or cannot be read" },
  CQA_ERR_CONVERSATION_PARTY: { statusCode: 422, exitCode: 3, summary: "a message's author maps to neither the agent nor the customer" },
  CQA_ERR_CONVERSATION_EMPTY: { statusCode: 422, exitCode: 3, summary: 'a conversation holds no message with text' },
  CQA_ERR_CONVERSATION_ENCODING: { statusCode: 422, exitCode: 3, summary: 'a conversation file or e-mail part is not valid text in its declared (or a known) character set' },
  CQA_ERR_EXPORT_WRITE: { statusCode: 500, exitCode: 5, summary: 'writing an export file failed' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** Exit code of a batch in which at least one file failed while others may have succeeded. */
export const partialFailureExitCode = 1;

export class CallqaError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CallqaError';
    this.code = code;
    this.statusCode = errorCatalogue[code].statusCode;
    this.exitCode = errorCatalogue[code].exitCode;
  }
}

export function isCallqaError(value: unknown): value is CallqaError {
  return value instanceof CallqaError;
}

/** Wraps anything thrown into a CallqaError so no failure leaves callqa without a code. */
export function toCallqaError(value: unknown): CallqaError {
  if (isCallqaError(value)) return value;
  const detail = value instanceof Error ? value.message : String(value);
  return new CallqaError('CQA_ERR_INTERNAL', `internal error: ${detail}; please report it with the command you ran`, {
    cause: value,
  });
}
