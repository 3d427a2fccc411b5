/**
 * What the redaction stage knows of a language: its number words — the rule pack's
 * `speech.numbers` (the rules' own, passed in, so a number word is added in one place) plus
 * the few only redaction needs (lexicons/<language>.json) — and the cues around personal data.
 */
import { readFileSync } from 'node:fs';
import { CallqaError } from '../../core/errors.ts';
import type { Language } from '../result/call-result.ts';

interface LexiconFile {
  numberWords: Record<string, string>;
  /** Numbers written as one word (Hungarian hatszázhúsz) are split into number words. */
  compoundNumbers: boolean;
  /** Case endings a number may carry (Hungarian hatot, 12-én). */
  numberEndings: string[];
  plusWords: string[];
  emailAtWords: string[];
  emailDotWords: string[];
  birthCues: string[];
  dateWords: string[];
  /** Word beginnings of ordinals and inflected months ("четверт" for четвёртого). */
  dateStems?: string[];
  dateJoiners: string[];
  /** Joiners that only ever follow a date part ("года" after a year), so they never start one. */
  dateTrailers?: string[];
  /** Words after a number that make it an amount, a duration or a count, not an identifier. */
  amountWords: string[];
  /** Words just before a number that make it an identifier ("номер пять семь три девять"), whichever item it is. */
  identifierWords: string[];
  /** What a phone number's digits look like without a "+" (national prefix, mobile ranges), as regular expressions. */
  phoneDigits: string[];
}

export interface RedactLexicon {
  readonly numberWords: ReadonlyMap<string, string>;
  readonly compoundNumbers: boolean;
  readonly numberEndings: readonly string[];
  readonly plusWords: ReadonlySet<string>;
  readonly emailAtWords: ReadonlySet<string>;
  readonly emailDotWords: ReadonlySet<string>;
  readonly birthCues: ReadonlySet<string>;
  readonly dateWords: ReadonlySet<string>;
  readonly dateStems: readonly string[];
  readonly dateJoiners: ReadonlySet<string>;
  readonly dateTrailers: ReadonlySet<string>;
  readonly amountWords: ReadonlySet<string>;
  readonly identifierWords: ReadonlySet<string>;
  /** null: no language known, any 9 to 13 digits. */
  readonly phoneDigits: readonly RegExp[] | null;
}

const lexiconUrl = (language: Language) => new URL(`./lexicons/${language}.json`, import.meta.url);

/** A call of no known language: digits, written addresses and IBANs are still found. */
const wordless: LexiconFile = {
  numberWords: {}, compoundNumbers: false, numberEndings: [], plusWords: [], emailAtWords: [], emailDotWords: [], birthCues: [], dateWords: [], dateJoiners: [], amountWords: [], identifierWords: [], phoneDigits: [],
};

function readLexiconFile(language: Language): LexiconFile {
  try {
    return JSON.parse(readFileSync(lexiconUrl(language), 'utf8')) as LexiconFile;
  } catch (thrown) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `${lexiconUrl(language).pathname}: ${thrown instanceof Error ? thrown.message : String(thrown)}; restore the file from the release`);
  }
}

/** The lexicon of `language` (null: none known) over the rule pack's number words; throws CQA_ERR_CONFIG_INVALID naming a damaged file. */
export function loadRedactLexicon(language: Language | null, packNumberWords: ReadonlyMap<string, string>): RedactLexicon {
  const file = language ? readLexiconFile(language) : wordless;
  return Object.freeze({
    numberWords: new Map([...packNumberWords, ...Object.entries(file.numberWords)]),
    compoundNumbers: file.compoundNumbers,
    numberEndings: [...file.numberEndings].sort((a, b) => b.length - a.length),
    plusWords: new Set(file.plusWords),
    emailAtWords: new Set(file.emailAtWords),
    emailDotWords: new Set(file.emailDotWords),
    birthCues: new Set(file.birthCues),
    dateWords: new Set(file.dateWords),
    dateStems: file.dateStems ?? [],
    dateJoiners: new Set(file.dateJoiners),
    dateTrailers: new Set(file.dateTrailers),
    amountWords: new Set(file.amountWords),
    identifierWords: new Set(file.identifierWords),
    phoneDigits: language ? file.phoneDigits.map((source) => new RegExp(source)) : null,
  });
}
