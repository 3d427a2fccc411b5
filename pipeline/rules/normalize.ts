/**
 * Text normalization shared by the lexicon compiler and the transcript indexer, so a phrase
 * in a pack and a word in a transcript meet in the same form: lower case, ё folded into е
 * (Russian print and ASR output use both), typographic apostrophes folded, and the Hungarian
 * long vowels ő/ű kept while their common mis-encodings õ/û (Latin-1 look-alikes that OCR and
 * some ASR vocabularies emit) are repaired. Accents are never stripped: in Hungarian they
 * change the word (kérem "please" ≠ kerem).
 */
import { redactionMaskSource } from '../result/redaction-mask.ts';

const lookalikes: Readonly<Record<string, string>> = { ё: 'е', õ: 'ő', û: 'ű', ô: 'ő', '’': "'", ʼ: "'", '`': "'" };
const lookalikePattern = /[ёõûô’ʼ`]/g;

/** The form in which pack words and transcript words are compared. */
export function normalizeWord(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase().replace(lookalikePattern, (character) => lookalikes[character] ?? character);
}

/** A word of a transcript sentence; `surface` keeps the original case (proper nouns). */
export interface Token {
  surface: string;
  norm: string;
  /** A comma, colon, semicolon or dash stands between this token and the previous one. */
  afterPause: boolean;
}

export interface Sentence {
  tokens: Token[];
  isQuestion: boolean;
  /** Ends in . ! ? or …: false for speech-to-text output without punctuation. */
  isPunctuated: boolean;
}

// Words keep inner hyphens and apostrophes ("mm-hmm", "эс-эм-эс", "can't", "e-mailt"); a
// redaction mask ("[card]") is one word.
const wordPattern = new RegExp(`${redactionMaskSource}|[\\p{L}\\p{N}]+(?:['’ʼ-][\\p{L}\\p{N}]+)*`, 'gu');
const pausePattern = /[,:;—–]|\s-\s/;
// A sentence ends at . ! ? … (runs of them); an ellipsis inside a number ("4.5") is kept.
const sentencePattern = /[^.!?…]+(?:[.!?…]+|$)/g;

/** A word of a text and where it stands: `start`/`end` are UTF-16 offsets into the text. */
export interface WordSpan {
  surface: string;
  norm: string;
  start: number;
  end: number;
}

/** The words of a text in order, as the rules and the transcript search index both read them. */
export function findWords(text: string): WordSpan[] {
  return Array.from(text.matchAll(wordPattern), (match) =>
    ({ surface: match[0], norm: normalizeWord(match[0]), start: match.index, end: match.index + match[0].length }));
}

function tokenizeSentence(text: string): Token[] {
  let previousEnd = 0;
  return findWords(text).map((word, index) => {
    const gap = text.slice(previousEnd, word.start);
    previousEnd = word.end;
    return { surface: word.surface, norm: word.norm, afterPause: index > 0 && pausePattern.test(gap) };
  });
}

/** Splits a transcript text into sentences of tokens; empty sentences are dropped. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const match of text.matchAll(sentencePattern)) {
    const tokens = tokenizeSentence(match[0]);
    const end = match[0].trimEnd();
    if (tokens.length > 0) sentences.push({ tokens, isQuestion: end.endsWith('?'), isPunctuated: /[.!?…]$/.test(end) });
  }
  return sentences;
}
