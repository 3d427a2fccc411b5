/** The diarize stage's typed result: who of two speakers spoke when on one channel. */
import type { Interval } from '../audio/index.ts';
import type { DiarizationSource, SpeakerId } from '../result/call-result.ts';

export interface SpeakerTurn extends Interval {
  speaker: SpeakerId;
}

export interface Diarization {
  source: DiarizationSource;
  /** Whether the method can see two speakers at once: only then are interruptions and backchannels looked for. */
  overlapsVisible: boolean;
  /** Speaker turns by start; speaker A is the one heard first. */
  turns: SpeakerTurn[];
}
