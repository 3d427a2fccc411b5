import { LogitsProcessor, type Tensor } from '@huggingface/transformers';

/**
 * A pass-through logits processor that scores each generated token: transformers.js's greedy
 * search reports no scores. It keeps the step's logits and reads the chosen token's log
 * probability on the next step (or from the final sequence), so the processors that run after
 * it (Whisper's timestamp and begin-suppression rules, which edit the logits in place) count.
 * Sampling divides the logits by the temperature first; the score is taken at temperature 1,
 * as the reference implementations do, so attempts at different temperatures compare.
 */
export class TokenLogProbs extends LogitsProcessor {
  /** Natural log probability of each generated token, in order. */
  readonly logProbs: number[] = [];
  private pending: Float32Array | null = null;

  constructor(private readonly temperature: number) {
    super();
  }

  override _call(inputIds: bigint[][], logits: Tensor): Tensor {
    this.settle(inputIds[0]!);
    this.pending = logits.data as Float32Array;
    return logits;
  }

  /** Scores the last step with the sequence that now ends in its token; call once more after generate. */
  settle(sequence: readonly bigint[]): void {
    if (!this.pending) return;
    const scale = this.temperature > 0 ? this.temperature : 1;
    const values = this.pending;
    let max = Number.NEGATIVE_INFINITY;
    for (const value of values) if (value > max) max = value;
    let sum = 0;
    for (const value of values) sum += Math.exp((value - max) * scale);
    this.logProbs.push((values[Number(sequence.at(-1))]! - max) * scale - Math.log(sum));
    this.pending = null;
  }
}
