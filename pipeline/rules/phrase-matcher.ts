/**
 * Pack phrases and how they meet transcript words. A phrase is a *set* of words that must all
 * occur, in any order, within a window of the phrase's length plus `maxGapWords` tokens of one
 * sentence: word order and filler words vary in speech ("put you on hold" / "may I place you
 * on a short hold"), inflection is absorbed by the stemmer or by an explicit prefix.
 *
 * Word syntax (README "Phrase syntax"): `hold` same stem · `удерж*` starts with · `*ni` ends
 * with · `várakoztat+` this stem followed by a chain of the pack's suffixes (Hungarian
 * várakoztathatnám, Russian поставлю: agglutination and inflection without the false
 * prefixes of `*`) · `=вас` exactly this word · `#` any number (digits or a number word) · `a|b` either ·
 * a trailing `?` marks an optional word (it only widens the window). A number word or digits
 * match the same number in either form ("two" = "2", "пять" = "5"). A phrase in double quotes (`"не я"`) is matched as written: these
 * words, in this order, side by side — for short function words that set matching would
 * find everywhere. A phrase starting with `!` is an exclusion: what it matches is blanked
 * before the lexicon's phrases are looked for ("!no thanks" keeps "thank" from finding it).
 */
import { normalizeWord } from './normalize.ts';
import type { StemWord } from './stem.ts';

/** What a pack knows of its language's word forms beyond the stemmer. */
export interface WordForms {
  /** The digits a word stands for ("two" → "2", "2" → "2"), from the pack's `speech.numbers`. */
  numberOf: (normalizedWord: string) => string | undefined;
  /** Whether the rest of a word after a `stem+` is a chain of the pack's `morphology.suffixes` (or empty). */
  isSuffixChain: (rest: string) => boolean;
}

export const plainWordForms: WordForms = {
  numberOf: (word) => (/^\p{N}+$/u.test(word) ? word : undefined),
  isSuffixChain: (rest) => rest === '',
};

export type WordTest =
  | { kind: 'stem'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'suffix'; value: string }
  | { kind: 'exact'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'chain'; value: string; isSuffixChain: WordForms['isSuffixChain'] }
  | { kind: 'any-number' };

export interface CompiledWord {
  tests: readonly WordTest[];
  optional: boolean;
}

export interface CompiledPhrase {
  source: string;
  /** `!phrase`: its words are blanked before the lexicon's other phrases are searched. */
  exclusion: boolean;
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
  /** The number the word stands for, in digits; absent for other words. */
  number?: string;
}

export interface PhraseMatch {
  phrase: CompiledPhrase;
  firstToken: number;
  lastToken: number;
}

const wordCharacters = /^[\p{L}\p{N}'-]+$/u;

function compileTest(text: string, stem: StemWord, forms: WordForms): WordTest {
  const word = normalizeWord(text);
  if (word === '#') return { kind: 'any-number' };
  const bare = word.replace(/^[=*]|[*+]$/g, '');
  if (!wordCharacters.test(bare)) {
    throw new Error(`"${text}" is not a word: use letters, digits, ' and - only (no punctuation), with * or = as described in the README`);
  }
  if (word.startsWith('=')) return { kind: 'exact', value: bare };
  if (word.endsWith('*')) return { kind: 'prefix', value: bare };
  if (word.endsWith('+')) return { kind: 'chain', value: bare, isSuffixChain: forms.isSuffixChain };
  if (word.startsWith('*')) return { kind: 'suffix', value: bare };
  const number = forms.numberOf(bare);
  return number === undefined ? { kind: 'stem', value: stem(bare) } : { kind: 'number', value: number };
}

/** Parses one pack phrase; throws an Error whose message says what to fix. */
export function compilePhrase(source: string, stem: StemWord, maxGapWords: number, forms: WordForms = plainWordForms): CompiledPhrase {
  const exclusion = source.trimStart().startsWith('!');
  const body = exclusion ? source.trimStart().slice(1) : source;
  const quoted = /^\s*"(.*)"\s*$/.exec(body);
  const words = (quoted?.[1] ?? body).trim().split(/\s+/).filter((text) => text.length > 0).map((text): CompiledWord => {
    const optional = text.length > 1 && text.endsWith('?');
    const alternatives = (optional ? text.slice(0, -1) : text).split('|');
    if (alternatives.some((alternative) => alternative.length === 0)) throw new Error(`"${text}" has an empty alternative around "|"`);
    return { tests: alternatives.map((alternative) => compileTest(alternative, stem, forms)), optional };
  });
  if (!words.some((word) => !word.optional)) throw new Error('the phrase needs at least one word that is not optional (no trailing ?)');
  if (quoted && words.some((word) => word.optional)) throw new Error('a quoted phrase is matched as written: it cannot have optional words');
  return { source, exclusion, words, ordered: quoted !== null, windowTokens: quoted ? words.length : words.length + maxGapWords };
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
    case 'number':
      return token.number === test.value || token.norm === test.value;
    case 'chain':
      return token.norm.startsWith(test.value) && test.isSuffixChain(token.norm.slice(test.value.length));
    case 'any-number':
      return token.number !== undefined;
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

const blank: MatchToken = { norm: '', stem: '' };

/** `tokens` with every stretch an exclusion phrase matches blanked out ("no thanks", "thanks to"). */
function withoutExclusions(lexicon: readonly CompiledPhrase[], tokens: readonly MatchToken[]): readonly MatchToken[] {
  let result = tokens;
  for (const phrase of lexicon.filter((candidate) => candidate.exclusion)) {
    for (let match = findPhrase(phrase, result); match; match = findPhrase(phrase, result)) {
      const { firstToken, lastToken } = match;
      result = result.map((token, index) => (index >= firstToken && index <= lastToken ? blank : token));
    }
  }
  return result;
}

/**
 * The first phrase of a lexicon found in `tokens` with one of its required words missing, at
 * least `minWords` found ("can i put you hold" when the recogniser dropped a word; the
 * evidence for an uncertain verdict, never for a pass). Quoted phrases are fixed wordings and
 * are not searched.
 */
export function findPartialLexiconPhrase(lexicon: readonly CompiledPhrase[], tokens: readonly MatchToken[], minWords: number): PhraseMatch | null {
  const searched = withoutExclusions(lexicon, tokens);
  for (const phrase of lexicon) {
    if (phrase.exclusion || phrase.ordered) continue;
    const required = phrase.words.filter((word) => !word.optional);
    if (required.length - 1 < minWords) continue;
    for (const missing of required) {
      const match = findPhrase({ ...phrase, words: phrase.words.filter((word) => word !== missing) }, searched);
      if (match) return { ...match, phrase };
    }
  }
  return null;
}

/** The first phrase of a lexicon found in `tokens`, after its exclusions are blanked out. */
export function findLexiconPhrase(lexicon: readonly CompiledPhrase[], tokens: readonly MatchToken[]): PhraseMatch | null {
  const searched = withoutExclusions(lexicon, tokens);
  for (const phrase of lexicon) {
    if (phrase.exclusion) continue;
    const match = findPhrase(phrase, searched);
    if (match) return match;
  }
  return null;
}
