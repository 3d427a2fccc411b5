/**
 * Types for `snowball-stemmers` (a CommonJS port of the Snowball stemmers that ships none),
 * covering the two functions `stem.ts` uses, so the project needs no @types package for it.
 */
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  /** `algorithm` is one of `algorithms()`, e.g. "russian"; throws for an unknown name. */
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
}
