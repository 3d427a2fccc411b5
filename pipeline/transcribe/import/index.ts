/**
 * Transcript import: a transcript given with `--transcript FILE`, or found beside the recording,
 * stands in for Whisper. Formats by extension: `.json` (callqa's own), `.vtt`, `.srt`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CallqaError } from '../../../core/errors.ts';
import { findSidecar } from '../../../core/find-sidecar.ts';
import type { Utterance } from '../../result/call-result.ts';
import { parseCueTranscript } from './parse-cues.ts';
import { parseJsonTranscript } from './parse-json.ts';
import { loadDefaultSpeakerMapping, type SpeakerMapping } from './speaker-mapping.ts';
import { transcriptError } from './transcript-error.ts';
import { checkUtterances } from './transcript-limits.ts';

export { loadDefaultSpeakerMapping, findPartyOfSpeaker, type SpeakerMapping } from './speaker-mapping.ts';

export interface ImportedTranscript {
  /** "import:<file name>", as the result's transcript_source names it. */
  source: string;
  utterances: Utterance[];
}

/** Sidecar names tried beside `<recording without extension>`, in order of preference. */
const sidecarSuffixes = ['.transcript.json', '.vtt', '.srt'];

/** The transcript file beside a recording (`call.wav` → `call.transcript.json`, `call.vtt`, `call.srt`), or null. */
export function findTranscriptSidecar(recordingPath: string): Promise<string | null> {
  return findSidecar(recordingPath, sidecarSuffixes);
}

const withoutByteOrderMark = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);
export interface TranscriptLoadOptions {
  mapping?: SpeakerMapping;
  /** Length of the recording the transcript belongs to; utterances must end within it. */
  recordingDurationS?: number | null;
}

/** Reads and validates a transcript file; utterances come back sorted by start. Throws CallqaError naming the file and place. */
export async function loadTranscript(file: string, options: TranscriptLoadOptions = {}): Promise<ImportedTranscript> {
  const mapping = options.mapping ?? loadDefaultSpeakerMapping();
  const fileName = path.basename(file);
  const raw = await readFile(file, 'utf8').catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT') throw new CallqaError('CQA_ERR_INPUT_NOT_FOUND', `transcript ${file} does not exist; check the path`, { cause });
    throw transcriptError(fileName, 'file', `cannot be read (${cause.message})`);
  });
  // Windows tools (Notepad, Excel, many diallers) start UTF-8 files with a byte order mark.
  const content = withoutByteOrderMark(raw);
  const extension = path.extname(file).toLowerCase();
  let utterances: Utterance[];
  if (extension === '.json') utterances = parseJsonTranscript(content, fileName);
  else if (extension === '.vtt' || extension === '.srt') utterances = parseCueTranscript(content, extension === '.vtt' ? 'vtt' : 'srt', fileName, mapping);
  else throw transcriptError(fileName, 'file name', `"${extension || 'no extension'}" is not a transcript format; use .json, .vtt or .srt`);
  checkUtterances(utterances, fileName, options.recordingDurationS ?? null);
  return { source: `import:${fileName}`, utterances: utterances.sort((a, b) => a.start - b.start) };
}
