/**
 * Doubt (README "Verdicts with confidence"). When a rule would fail because a lexicon was not
 * found, the transcript may still have carried it: a phrase found but for one word (a word the
 * recogniser dropped or misheard), speech-to-text confidence too low to trust what is missing,
 * or no transcript at all where the words were due. Each turns the fail into `uncertain`, with
 * the reason and the utterance, for a QA reviewer to settle: a missed hold request must not
 * cap a call's score on a garbled transcript.
 */
import type { IndexedUtterance } from './call-text.ts';
import { findPartialLexiconPhrase } from './phrase-matcher.ts';
import type { RulePack } from './rule-pack.ts';

export interface Doubt {
  reason: string;
  /** The utterance that raised it; none for a transcript gap. */
  indexed: IndexedUtterance | null;
}

/** Why one of `lexicons`, not found in `utterances`, may still have been said there; null when nothing suggests it. */
export function doubtAbout(pack: RulePack, lexicons: readonly string[], utterances: readonly IndexedUtterance[]): Doubt | null {
  const settings = pack.uncertainty;
  if (!settings) return null;
  for (const indexed of utterances) {
    const { confidence } = indexed.utterance;
    if (typeof confidence === 'number' && confidence < settings.minConfidence) {
      return { reason: `speech-to-text confidence ${confidence.toFixed(2)} is below ${settings.minConfidence}`, indexed };
    }
    for (const lexicon of lexicons) {
      const phrases = pack.lexicons[lexicon];
      if (!phrases) continue;
      for (const sentence of indexed.sentences) {
        const match = findPartialLexiconPhrase(phrases, sentence.tokens, settings.partialMatchMinWords);
        if (match) return { reason: `partial match of "${match.phrase.source}" (${lexicon})`, indexed };
      }
    }
  }
  return null;
}

/** A window where the words were due but the transcript has none: speech-to-text lost them, or nobody spoke — the text cannot tell. */
export function transcriptGap(pack: RulePack, utterances: readonly IndexedUtterance[], what: string): Doubt | null {
  return pack.uncertainty && utterances.length === 0 ? { reason: `no transcript ${what}`, indexed: null } : null;
}
