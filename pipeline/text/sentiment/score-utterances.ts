/**
 * Scores each utterance's sentiment with the text classifier. Utterances are sorted by length
 * before batching, so a batch pads to lengths close to its own and short turns ("yes", "ok")
 * do not pay for a long complaint's padding; results come back in the input order.
 */
import type { Effects } from '../../../core/effects.ts';
import { sentimentLabels, type Party, type Utterance, type UtteranceSentiment } from '../../result/call-result.ts';
import type { SentimentClassifier, SentimentProbabilities } from './sentiment-classifier.ts';

export interface ScoreUtterancesOptions {
  /** Utterances per model run. */
  batchSize?: number;
  /** Only these parties' utterances are scored, the others get `sentiment: null`; default every party. */
  parties?: readonly Party[];
}

const defaultBatchSize = 16;

/** Four decimals: finer than any threshold a rule pack sets, and stable across float noise in batching. */
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** The most probable label, and positive minus negative probability as a score in −1..1. */
export function toUtteranceSentiment(probabilities: SentimentProbabilities): UtteranceSentiment {
  const label = sentimentLabels.reduce((best, candidate) => (probabilities[candidate] > probabilities[best] ? candidate : best));
  return { label, score: round4(probabilities.positive - probabilities.negative) };
}

/**
 * Returns new utterances carrying `sentiment` from `classifier`, in the same order; utterances
 * without words, or of a party left out of `options.parties`, get `sentiment: null` (the
 * classifier never sees their text). Never mutates its input.
 */
export async function scoreUtterances(
  utterances: readonly Utterance[],
  classifier: SentimentClassifier,
  effects: Effects,
  options: ScoreUtterancesOptions = {},
): Promise<Utterance[]> {
  const batchSize = Math.max(1, options.batchSize ?? defaultBatchSize);
  const scored = (party: Party) => !options.parties || options.parties.includes(party);
  const texts = utterances.map((utterance) => (scored(utterance.party) ? utterance.text.trim() : ''));
  const order = texts.flatMap((text, index) => (text ? [index] : [])).sort((a, b) => texts[a]!.length - texts[b]!.length);
  const sentiments = new Array<UtteranceSentiment | null>(utterances.length).fill(null);
  const startedMs = effects.now();
  for (let first = 0; first < order.length; first += batchSize) {
    const batch = order.slice(first, first + batchSize);
    const probabilities = await classifier.classify(batch.map((index) => texts[index]!));
    for (const [position, index] of batch.entries()) sentiments[index] = toUtteranceSentiment(probabilities[position]!);
  }
  const elapsedS = Math.max(1e-3, (effects.now() - startedMs) / 1000);
  effects.log(`sentiment: ${order.length} utterance(s) scored by ${classifier.modelId} at ${(order.length / elapsedS).toFixed(0)} per second`);
  return utterances.map((utterance, index) => ({ ...utterance, sentiment: sentiments[index] ?? null }));
}
