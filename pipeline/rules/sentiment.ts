/**
 * Negativity for G13. When the transcript carries per-utterance sentiment (the text stage's
 * model), an utterance is negative when its label is "negative"; otherwise a small lexicon of
 * angry markers stands in. The source is reported with the result, because a lexicon misses
 * what a model hears and the two are not equally trustworthy.
 */
import type { IndexedUtterance } from './call-text.ts';
import { findLexicons } from './lexicon-search.ts';
import type { RulePack } from './rule-pack.ts';

/** `model:<id>` names the model that scored the utterances; `utterance-sentiment` is a transcript that came with scores. */
export type SentimentSource = `model:${string}` | 'utterance-sentiment' | 'lexicon';

export interface SentimentReader {
  source: SentimentSource;
  /** `lexicons` are consulted only when the source is the lexicon. */
  isNegative(indexed: IndexedUtterance, lexicons: readonly string[]): boolean;
}

/** Uses model sentiment when any utterance has it, else the pack's lexicons. */
export function createSentimentReader(utterances: readonly IndexedUtterance[], pack: RulePack, sentimentModelId: string | null): SentimentReader {
  const modelled = utterances.some(({ utterance }) => utterance.sentiment != null);
  if (modelled) {
    return { source: sentimentModelId ? `model:${sentimentModelId}` : 'utterance-sentiment', isNegative: ({ utterance }) => utterance.sentiment?.label === 'negative' };
  }
  return { source: 'lexicon', isNegative: (indexed, lexicons) => findLexicons(pack, lexicons, indexed) !== null };
}
