import type { CallAudio } from '../ingest/index.ts';
import type { DropReason, DroppedChunk, Language, Party, Utterance } from '../result/call-result.ts';

export type { DropReason } from '../result/call-result.ts';

/** A stretch of a recording in seconds from its start. */
export interface TimeSpan {
  startS: number;
  endS: number;
}

/** What the transcribe stage needs from earlier stages: the audio and where each channel has speech. */
export interface TranscribeInput {
  audio: CallAudio;
  /** Speech regions per channel index (VAD output), in recording seconds. */
  speechRegions: readonly (readonly TimeSpan[])[];
  partyOfChannel: readonly Party[];
}

/** A call's transcript: every party's utterances in recording time, one language for the call. */
export interface Transcript {
  /** The call's language, detected or forced; null when there was no speech to transcribe. */
  language: Language | null;
  /** Which model produced it, as "model:<id>" will name it in the result. */
  modelId: string;
  utterances: Utterance[];
  /** Chunks whose text failed every decoding guard, in recording time. */
  droppedChunks: DroppedChunk[];
}

/** One recognised word, in seconds from the start of the chunk it came from. */
export interface RecognisedWord {
  startS: number;
  endS: number;
  text: string;
  /** Mean probability of the word's tokens; null when the decoder's choice could not be scored. */
  confidence: number | null;
}

/** A stretch of recognised text; with word timing it carries its words, with segment timing none. */
export interface RecognisedSegment {
  startS: number;
  endS: number;
  text: string;
  words: RecognisedWord[];
  confidence: number | null;
}


/** Thresholds of the decoding guards (pipeline/transcribe/transcribe-defaults.json); null turns one off. */
export interface DecodingGuards {
  /** Tried in order until an attempt passes; 0 is greedy. */
  readonly temperatures: readonly number[];
  readonly compressionRatioThreshold: number | null;
  /** Mean log probability per token below which an attempt fails. */
  readonly logProbThreshold: number | null;
  readonly noSpeechThreshold: number | null;
  /** A unit of up to this many tokens repeated more than `repetitionMaxRepeats` times in a row stops decoding. */
  readonly repetitionMaxUnitTokens: number;
  readonly repetitionMaxRepeats: number;
}

/** How the kept (or last) decoding attempt of a chunk went. */
export interface DecodingMeasures {
  temperature: number;
  avgLogProb: number | null;
  compressionRatio: number | null;
  noSpeechProbability: number | null;
}

/** What the recognizer made of one chunk. Plain data, so it can cross a worker boundary. */
export interface ChunkRecognition {
  /** The language the chunk was transcribed in. */
  language: Language;
  /** Probabilities of the allowed languages from the first decoder step; null when the language was given. */
  languageProbabilities: Partial<Record<Language, number>> | null;
  timing: 'word' | 'segment';
  /** Empty when the chunk was dropped. */
  segments: RecognisedSegment[];
  /** Null for an engine without autoregressive decoding (nothing to guard). */
  decoding: DecodingMeasures | null;
  /** Why the chunk's text was dropped, or null when it was kept. */
  dropped: DropReason | null;
}

/** A request to transcribe one chunk of 16 kHz mono samples (≤ 30 s). */
export interface RecognitionRequest {
  samples: Float32Array;
  /** Transcribe in this language, or null to detect it among `allowedLanguages` first. */
  language: Language | null;
  allowedLanguages: readonly Language[];
  maxNewTokens: number;
  guards: DecodingGuards;
}

/** Runs a speech-to-text engine on chunks (Whisper in-process or in a worker pool, or a sherpa-onnx transducer) behind one face. */
export interface SpeechRecognizer {
  readonly modelId: string;
  recognise(request: RecognitionRequest): Promise<ChunkRecognition>;
  /** How many chunks it can usefully run at once. */
  readonly parallelism: number;
  close(): Promise<void>;
}
