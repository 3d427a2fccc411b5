/**
 * The terms of the transcript search index. A term is `<language>:<stem>`, made with the words
 * and normalisation the rules use (`findWords`, Snowball stemmers), so "счета" in a Russian
 * utterance and "счётом" in a query meet as `ru:счет`. The language prefix keeps one query
 * word from matching another language's homograph stem and lets a query be stemmed once per
 * language instead of per utterance.
 */
import { readFileSync } from 'node:fs';
import { findWords } from '../../pipeline/rules/normalize.ts';
import { createStemmer, type StemWord } from '../../pipeline/rules/stem.ts';

interface SearchLanguage {
  stemmer: string;
  stemEndings?: string[];
  minStemLength?: number;
}

interface SearchLanguagesFile {
  languages: Record<string, SearchLanguage>;
  limits: { maxNearDistance: number; maxQueryWords: number };
}

const searchLanguages = JSON.parse(readFileSync(new URL('./search-languages.json', import.meta.url), 'utf8')) as SearchLanguagesFile;

/** The index key for an utterance whose language is unknown or has no entry. */
export const anyLanguage = '*';
export const searchLimits = Object.freeze(searchLanguages.limits);
export const indexedLanguages: readonly string[] = Object.keys(searchLanguages.languages);

function createIndexStemmer({ stemmer, stemEndings = [], minStemLength = 0 }: SearchLanguage): StemWord {
  const stem = createStemmer(stemmer);
  return (word) => {
    const stemmed = stem(word);
    const ending = stemEndings.find((candidate) => stemmed.endsWith(candidate) && stemmed.length - candidate.length >= minStemLength);
    return ending ? stemmed.slice(0, -ending.length) : stemmed;
  };
}

const stemmers = new Map<string, StemWord>(
  Object.entries(searchLanguages.languages).map(([language, spec]) => [language, createIndexStemmer(spec)]));

function indexLanguageOf(language: string | null | undefined): string {
  return language != null && stemmers.has(language) ? language : anyLanguage;
}

/** The term a normalised word becomes in a language's part of the index. */
export function termOf(normalizedWord: string, language: string | null | undefined): string {
  const indexLanguage = indexLanguageOf(language);
  return `${indexLanguage}:${stemmers.get(indexLanguage)!(normalizedWord)}`;
}

export interface UtteranceTerm {
  /** Word number in the utterance, from 0: phrases and `NEAR` compare these. */
  position: number;
  term: string;
}

/** The index terms of one utterance's text, in word order. */
export function utteranceTerms(text: string, language: string | null | undefined): UtteranceTerm[] {
  return findWords(text).map((word, position) => ({ position, term: termOf(word.norm, language) }));
}

/** A query word's terms: one per language searched (every indexed language when none is named). */
export function queryWordTerms(normalizedWord: string, language: string | undefined): string[] {
  const languages = language === undefined ? indexedLanguages : [language];
  return [...new Set(languages.map((each) => termOf(normalizedWord, each)))];
}

