/**
 * Negativity for G13. When the transcript carries per-utterance sentiment (the text stage's
 * model), an utterance is negative when its label is "negative"; otherwise a small lexicon of
 * angry markers stands in. The source is reported with the result, because a lexicon misses
 * what a model hears and the two are not equally trustworthy.
 *
 * With agent sentiment off (EU AI Act Art. 5(1)(f) forbids emotion recognition of workers) no
 * model reading of the agent exists, and the agent side falls back to the pack's lexicon of
 * sharp or dismissive wording: matching what was said is allowed, inferring how the agent felt
 * is not. The customer side keeps the model.
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

/**
 * Uses model sentiment when any utterance has it, else the pack's lexicons; `agentSentiment`
 * false keeps the model to the customer's utterances.
 */
export function createSentimentReader(
  utterances: readonly IndexedUtterance[], pack: RulePack, sentimentModelId: string | null, agentSentiment: boolean,
): SentimentReader {
  const byLexicon: SentimentReader['isNegative'] = (indexed, lexicons) => findLexicons(pack, lexicons, indexed) !== null;
  const modelled = utterances.some(({ utterance }) => utterance.sentiment != null);
  if (!modelled) return { source: 'lexicon', isNegative: byLexicon };
  return {
    source: sentimentModelId ? `model:${sentimentModelId}` : 'utterance-sentiment',
    isNegative: (indexed, lexicons) =>
      agentSentiment || indexed.utterance.party === 'customer' ? indexed.utterance.sentiment?.label === 'negative' : byLexicon(indexed, lexicons),
  };
}
