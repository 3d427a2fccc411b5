/**
 * Snowball stemmers (the `snowball-stemmers` port of Porter's Snowball algorithms) reduce
 * inflected forms to one stem, so a pack lists "удержание" once and matches "на удержании",
 * and "vonalat" matches "vonalon". Stems are memoized: a call repeats few distinct words.
 */
import { algorithms, newStemmer } from 'snowball-stemmers';

/** `none` compares normalized words as they are (for a language Snowball lacks). */
export type StemmerName = string;
export type StemWord = (normalizedWord: string) => string;

const stemmers = new Map<StemmerName, StemWord>();

export function isKnownStemmer(name: string): boolean {
  return name === 'none' || algorithms().includes(name);
}

export function knownStemmers(): string[] {
  return ['none', ...algorithms()];
}

/** A memoized stemmer; `name` must pass `isKnownStemmer` (the pack loader checks it). */
export function createStemmer(name: StemmerName): StemWord {
  const existing = stemmers.get(name);
  if (existing) return existing;
  const memo = new Map<string, string>();
  const snowball = name === 'none' ? null : newStemmer(name);
  const stem: StemWord = (word) => {
    let result = memo.get(word);
    if (result === undefined) {
      result = snowball ? snowball.stem(word) : word;
      memo.set(word, result);
    }
    return result;
  };
  stemmers.set(name, stem);
  return stem;
}
