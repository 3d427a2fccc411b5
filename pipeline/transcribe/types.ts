import type { CallAudio } from '../ingest/index.ts';
import type { Language, Party, Utterance } from '../result/call-result.ts';

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

/** What Whisper made of one chunk. Plain data, so it can cross a worker boundary. */
export interface ChunkRecognition {
  /** The language the chunk was transcribed in. */
  language: Language;
  /** Probabilities of the allowed languages from the first decoder step; null when the language was given. */
  languageProbabilities: Partial<Record<Language, number>> | null;
  timing: 'word' | 'segment';
  segments: RecognisedSegment[];
}

/** A request to transcribe one chunk of 16 kHz mono samples (≤ 30 s). */
export interface RecognitionRequest {
  samples: Float32Array;
  /** Transcribe in this language, or null to detect it among `allowedLanguages` first. */
  language: Language | null;
  allowedLanguages: readonly Language[];
  maxNewTokens: number;
}

/** Runs Whisper on chunks; in-process or a worker pool behind the same face. */
export interface SpeechRecognizer {
  readonly modelId: string;
  recognise(request: RecognitionRequest): Promise<ChunkRecognition>;
  /** How many chunks it can usefully run at once. */
  readonly parallelism: number;
  close(): Promise<void>;
}
