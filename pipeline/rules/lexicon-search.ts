/**
 * Looks up a pack's named lexicons in indexed utterances. Names starting with "@" are
 * built-in detectors rather than phrase lists; the only one is `@proper-noun`: a capitalized
 * word that does not open its sentence (a company or agent name: "Northwind Energy",
 * "Ольга", "Dunakom") and is not in the pack's `properNounExceptions`, in a sentence that is
 * not a question.
 */
import type { IndexedSentence, IndexedUtterance } from './call-text.ts';
import { findLexiconPhrase } from './phrase-matcher.ts';
import type { RulePack } from './rule-pack.ts';

export interface LexiconHit {
  indexed: IndexedUtterance;
  lexicon: string;
  /** The pack phrase (or built-in) that matched. */
  phrase: string;
}

const capitalized = /^\p{Lu}/u;

function hasProperNoun(sentence: IndexedSentence, pack: RulePack): boolean {
  // "Is that Mr Hughes?" names the caller, not the agent or the company.
  if (sentence.isQuestion) return false;
  return sentence.tokens.some((token, index) => index > 0 && capitalized.test(token.surface) && !pack.properNounExceptions.has(token.norm));
}

function findInSentence(pack: RulePack, lexicon: string, sentence: IndexedSentence): string | null {
  if (lexicon === '@proper-noun') return hasProperNoun(sentence, pack) ? lexicon : null;
  const match = findLexiconPhrase(pack.lexicons[lexicon] ?? [], sentence.tokens);
  return match ? match.phrase.source : null;
}

/** The first of `lexicons` found in any sentence of the utterance. */
export function findLexicons(pack: RulePack, lexicons: readonly string[], indexed: IndexedUtterance): LexiconHit | null {
  for (const lexicon of lexicons) {
    for (const sentence of indexed.sentences) {
      const phrase = findInSentence(pack, lexicon, sentence);
      if (phrase) return { indexed, lexicon, phrase };
    }
  }
  return null;
}

/** Every utterance in which one of `lexicons` is found, with the first hit of each. */
export function findLexiconHits(pack: RulePack, lexicons: readonly string[], utterances: readonly IndexedUtterance[]): LexiconHit[] {
  return utterances.flatMap((indexed) => findLexicons(pack, lexicons, indexed) ?? []);
}

/**
 * Whether, in this utterance, a phrase of `thenLexicons` follows a phrase of `firstLexicons`:
 * later in the same sentence or in a later sentence ("I can't move the date, but I can…"). A
 * structural cue: an offer is an alternative only after a refusal.
 */
export function findsAfter(pack: RulePack, firstLexicons: readonly string[], thenLexicons: readonly string[], indexed: IndexedUtterance): boolean {
  const firstPhrases = firstLexicons.flatMap((lexicon) => pack.lexicons[lexicon] ?? []);
  const thenPhrases = thenLexicons.flatMap((lexicon) => pack.lexicons[lexicon] ?? []);
  const at = indexed.sentences.findIndex((sentence) => findLexiconPhrase(firstPhrases, sentence.tokens) !== null);
  const first = indexed.sentences[at];
  if (!first) return false;
  const rest = first.tokens.slice((findLexiconPhrase(firstPhrases, first.tokens)?.lastToken ?? first.tokens.length) + 1);
  return [rest, ...indexed.sentences.slice(at + 1).map((sentence) => sentence.tokens)].some((tokens) => findLexiconPhrase(thenPhrases, tokens) !== null);
}

/** Whether one of `lexicons` is found in this sentence. */
export function sentenceHas(pack: RulePack, lexicons: readonly string[], sentence: IndexedSentence): boolean {
  return lexicons.some((lexicon) => findInSentence(pack, lexicon, sentence) !== null);
}
