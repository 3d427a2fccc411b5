/**
 * Guards against Whisper's known failure modes on real calls, after openai-whisper's
 * transcribe loop: a decode whose text compresses too well (a loop) or whose tokens are too
 * improbable is retried at the next temperature; a chunk whose first step says "no speech" and
 * whose decode is improbable is silence; a decode that keeps repeating one stretch of tokens is
 * stopped at once. A chunk that fails at every temperature is dropped, never stored as text.
 */
import { deflateSync } from 'node:zlib';
import { LogitsProcessor, type Tensor } from '@huggingface/transformers';
import type { DecodingGuards, DropReason } from '../types.ts';

/** UTF-8 bytes over zlib-compressed bytes: repetitive text compresses well, so it scores high. */
export function compressionRatio(text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length === 0 ? 0 : bytes.length / deflateSync(bytes).length;
}

/** True when the tail of `tokens` is one unit of ≤ maxUnitTokens tokens repeated more than maxRepeats times in a row. */
export function endsInRepetition(tokens: readonly number[], guards: Pick<DecodingGuards, 'repetitionMaxUnitTokens' | 'repetitionMaxRepeats'>): boolean {
  for (let unit = 1; unit <= guards.repetitionMaxUnitTokens; unit++) {
    const needed = unit * (guards.repetitionMaxRepeats + 1);
    if (tokens.length < needed) return false;
    let repeats = true;
    for (let offset = unit; offset < needed && repeats; offset++) repeats = tokens[tokens.length - 1 - offset] === tokens[tokens.length - 1 - (offset % unit)];
    if (repeats) return true;
  }
  return false;
}

/**
 * Ends generation with <|endoftext|> as soon as the generated tokens (after a prompt of
 * `promptLength`) end in a repetition. A logits processor, not a stopping criterion: Whisper's
 * generate in transformers.js 4.3.1 does not pass stopping criteria on.
 */
export class RepetitionStop extends LogitsProcessor {
  tripped = false;

  constructor(private readonly promptLength: number, private readonly endOfTextId: number, private readonly guards: DecodingGuards) {
    super();
  }

  override _call(inputIds: bigint[][], logits: Tensor): Tensor {
    this.tripped ||= endsInRepetition(inputIds[0]!.slice(this.promptLength).map(Number), this.guards);
    if (this.tripped) {
      const values = logits.data as Float32Array;
      values.fill(Number.NEGATIVE_INFINITY);
      values[this.endOfTextId] = 0;
    }
    return logits;
  }
}

/** What one decode at one temperature measured. */
export interface AttemptMeasures {
  text: string;
  /** Mean log probability of the generated tokens, end-of-text included. */
  avgLogProb: number;
  repeated: boolean;
}

/**
 * Why an attempt is not kept, or null to keep it. "no_speech" is final (silence is not retried);
 * the others send decoding on to the next temperature.
 */
export function judgeAttempt(attempt: AttemptMeasures, noSpeechProbability: number, guards: DecodingGuards): DropReason | null {
  const improbable = guards.logProbThreshold !== null && attempt.avgLogProb < guards.logProbThreshold;
  const confident = guards.logProbThreshold !== null && !improbable;
  if (guards.noSpeechThreshold !== null && noSpeechProbability > guards.noSpeechThreshold && !confident) return 'no_speech';
  if (attempt.repeated) return 'repetition';
  if (guards.compressionRatioThreshold !== null && compressionRatio(attempt.text) > guards.compressionRatioThreshold) return 'compression_ratio';
  if (improbable) return 'avg_logprob';
  return null;
}
