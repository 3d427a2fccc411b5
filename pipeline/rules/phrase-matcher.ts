/**
 * Pack phrases and how they meet transcript words. A phrase is a *set* of words that must all
 * occur, in any order, within a window of the phrase's length plus `maxGapWords` tokens of one
 * sentence: word order and filler words vary in speech ("put you on hold" / "may I place you
 * on a short hold"), inflection is absorbed by the stemmer or by an explicit prefix.
 *
 * Word syntax (README "Phrase syntax"): `hold` same stem · `удерж*` starts with · `*ni` ends
 * with · `=вас` exactly this word · `a|b` either · a trailing `?` marks an optional word (it
 * only widens the window). A phrase in double quotes (`"не я"`) is matched as written: these
 * words, in this order, side by side — for short function words that set matching would
 * find everywhere.
 */
import { normalizeWord } from './normalize.ts';
import type { StemWord } from './stem.ts';

export type WordTest =
  | { kind: 'stem'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string }
  | { kind: 'exact'; value: string };

export interface CompiledWord {
  tests: readonly WordTest[];
  optional: boolean;
}

export interface CompiledPhrase {
  source: string;
  words: readonly CompiledWord[];
  /** Quoted phrase: words in order, adjacent. */
  ordered: boolean;
  /** Tokens the required words may spread over. */
  windowTokens: number;
}

/** A transcript token as the matcher sees it. */
export interface MatchToken {
  norm: string;
  stem: string;
}

export interface PhraseMatch {
  phrase: CompiledPhrase;
  firstToken: number;
  lastToken: number;
}

const wordCharacters = /^[\p{L}\p{N}'-]+$/u;

function compileTest(text: string, stem: StemWord): WordTest {
  const word = normalizeWord(text);
  const bare = word.replace(/^[=*]|\*$/g, '');
  if (!wordCharacters.test(bare)) {
    throw new Error(`"${text}" is not a word: use letters, digits, ' and - only (no punctuation), with * or = as described in the README`);
  }
  if (word.startsWith('=')) return { kind: 'exact', value: bare };
  if (word.endsWith('*')) return { kind: 'prefix', value: bare };
  if (word.startsWith('*')) return { kind: 'suffix', value: bare };
  return { kind: 'stem', value: stem(bare) };
}

/** Parses one pack phrase; throws an Error whose message says what to fix. */
export function compilePhrase(source: string, stem: StemWord, maxGapWords: number): CompiledPhrase {
  const quoted = /^\s*"(.*)"\s*$/.exec(source);
  const words = (quoted?.[1] ?? source).trim().split(/\s+/).filter((text) => text.length > 0).map((text): CompiledWord => {
    const optional = text.length > 1 && text.endsWith('?');
    const alternatives = (optional ? text.slice(0, -1) : text).split('|');
    if (alternatives.some((alternative) => alternative.length === 0)) throw new Error(`"${text}" has an empty alternative around "|"`);
    return { tests: alternatives.map((alternative) => compileTest(alternative, stem)), optional };
  });
  if (!words.some((word) => !word.optional)) throw new Error('the phrase needs at least one word that is not optional (no trailing ?)');
  if (quoted && words.some((word) => word.optional)) throw new Error('a quoted phrase is matched as written: it cannot have optional words');
  return { source, words, ordered: quoted !== null, windowTokens: quoted ? words.length : words.length + maxGapWords };
}

function passes(test: WordTest, token: MatchToken): boolean {
  switch (test.kind) {
    case 'stem':
      return token.stem === test.value;
    case 'prefix':
      return token.norm.startsWith(test.value);
    case 'suffix':
      return token.norm.endsWith(test.value);
    case 'exact':
      return token.norm === test.value;
  }
}

const matchesWord = (word: CompiledWord, token: MatchToken) => word.tests.some((test) => passes(test, token));

function findOrdered(phrase: CompiledPhrase, tokens: readonly MatchToken[]): PhraseMatch | null {
  for (let start = 0; start + phrase.words.length <= tokens.length; start += 1) {
    if (phrase.words.every((word, offset) => {
      const token = tokens[start + offset];
      return token !== undefined && matchesWord(word, token);
    })) return { phrase, firstToken: start, lastToken: start + phrase.words.length - 1 };
  }
  return null;
}

/** The first place where all required words of `phrase` occur within its window, if any. */
export function findPhrase(phrase: CompiledPhrase, tokens: readonly MatchToken[]): PhraseMatch | null {
  if (phrase.ordered) return findOrdered(phrase, tokens);
  const required = phrase.words.filter((word) => !word.optional);
  // A required word found nowhere in the sentence is found in no window: most phrases stop here,
  // which is what makes rescoring a whole archive cheap.
  if (!required.every((word) => tokens.some((token) => matchesWord(word, token)))) return null;
  for (let start = 0; start < tokens.length; start += 1) {
    const end = Math.min(tokens.length, start + phrase.windowTokens);
    const used = new Set<number>();
    for (const word of required) {
      for (let index = start; index < end; index += 1) {
        const token = tokens[index];
        if (token && !used.has(index) && matchesWord(word, token)) {
          used.add(index);
          break;
        }
      }
    }
    if (used.size === required.length) {
      return { phrase, firstToken: Math.min(...used), lastToken: Math.max(...used) };
    }
  }
  return null;
}

/** The first phrase of a lexicon found in `tokens`. */
export function findLexiconPhrase(lexicon: readonly CompiledPhrase[], tokens: readonly MatchToken[]): PhraseMatch | null {
  for (const phrase of lexicon) {
    const match = findPhrase(phrase, tokens);
    if (match) return match;
  }
  return null;
}
