import { LogitsProcessor, type Tensor } from '@huggingface/transformers';

/** The token the logits favoured at one decoding step, and its softmax probability. */
export interface DecodingChoice {
  tokenId: number;
  probability: number;
}

/**
 * A pass-through logits processor that records, per step, the favoured token and its softmax
 * probability: transformers.js's greedy search reports no scores. Whisper's own processors may
 * run after it and change the choice, so callers trust a step only where its token was kept.
 */
export class ChoiceProbe extends LogitsProcessor {
  readonly choices: DecodingChoice[] = [];

  override _call(_inputIds: bigint[][], logits: Tensor): Tensor {
    const values = logits.data as Float32Array;
    let best = 0;
    for (let index = 1; index < values.length; index++) if (values[index]! > values[best]!) best = index;
    let sum = 0;
    for (const value of values) sum += Math.exp(value - values[best]!);
    this.choices.push({ tokenId: best, probability: 1 / sum });
    return logits;
  }
}

/** Probability of each generated token where the probe saw it chosen; null where a later processor overrode it. */
export function tokenProbabilities(choices: readonly DecodingChoice[], generatedIds: readonly number[]): (number | null)[] {
  return generatedIds.map((id, step) => (choices[step]?.tokenId === id ? choices[step]!.probability : null));
}
