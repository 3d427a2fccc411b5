/**
 * Spoken text read the same way whatever wrote it. A speech-to-text engine writes "um so
 * can you hold for two minutes", an imported transcript "So, can you hold for 2 minutes?":
 * before any rule looks at a sentence, hesitation sounds are dropped, a word said twice in a
 * row counts once ("no, no, no"), every number word carries its digits (so `two` in a pack
 * matches "2" and the reverse), and a sentence that ended without punctuation is a question
 * when it opens with a question word of the pack (after lead-ins such as "and", "so") or ends
 * with a question tag ("ugye"). The word lists are pack data
 * (`speech` in packs/<language>.json); casing, quotes and apostrophes are folded earlier, by
 * `normalizeWord`.
 */
import { isRedactionMask } from '../result/redaction-mask.ts';
import type { Sentence, Token } from './normalize.ts';
import type { SpeechForms } from './rule-pack.ts';

// Digits, possibly with a case ending after a hyphen (Hungarian "456-os", "9100-at").
const digitsWithEnding = /^(\p{N}+)(?:-\p{L}+)?$/u;

/**
 * The digits `normalizedWord` stands for: its own digits, else the pack's number word. A
 * redaction mask stood for a value, so it is a number (of unknown digits: itself).
 */
export function numberOfWord(normalizedWord: string, speech: SpeechForms): string | undefined {
  return digitsWithEnding.exec(normalizedWord)?.[1] ?? speech.numbers.get(normalizedWord) ?? (isRedactionMask(normalizedWord) ? normalizedWord : undefined);
}

export type SpokenToken = Token & { number?: string };

export interface SpokenSentence {
  tokens: SpokenToken[];
  isQuestion: boolean;
}

/**
 * Fillers out, immediate repeats folded, numbers marked. A sentence of nothing but fillers
 * ("Uh.") is kept as it is: it is a listener sound, and dropping it would join the turns
 * around it.
 */
export function readSpokenSentence(sentence: Sentence, speech: SpeechForms): SpokenSentence {
  const dropFillers = sentence.tokens.some((token) => !speech.fillers.has(token.norm));
  const tokens: SpokenToken[] = [];
  // A pause before a dropped or folded word ("Yes, um, I can") still separates the clauses around it.
  let pause = false;
  for (const token of sentence.tokens) {
    pause ||= token.afterPause;
    // Two masks in a row are two redacted words, not one word said twice.
    const repeated = tokens.at(-1)?.norm === token.norm && !isRedactionMask(token.norm);
    if ((dropFillers && speech.fillers.has(token.norm)) || repeated) continue;
    const number = numberOfWord(token.norm, speech);
    tokens.push({ ...token, afterPause: tokens.length > 0 && pause, ...(number === undefined ? {} : { number }) });
    pause = false;
  }
  return { tokens, isQuestion: sentence.isQuestion || (!sentence.isPunctuated && asksUnpunctuated(tokens, speech)) };
}

/** "and when will it come", "aktív volt a csomagom vagy sem": a question word after any lead-ins, or a question tag last. */
function asksUnpunctuated(tokens: readonly SpokenToken[], speech: SpeechForms): boolean {
  const opener = tokens.find((token) => !speech.questionLeadIns.has(token.norm))?.norm;
  const last = tokens.at(-1)?.norm;
  return (opener !== undefined && speech.questionOpeners.has(opener)) || (tokens.length > 1 && last !== undefined && speech.questionTags.has(last));
}
