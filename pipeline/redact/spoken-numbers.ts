/**
 * Numbers as people say and write them, read into digit strings: "4471", "four four seven
 * one", "четыре четыре семь один", "négy négy hét egy", mixed ("4243 3721 one one eight…"),
 * composed ("nine hundred forty two" → 942, "hatszázhúsz" → 620). A card number read aloud
 * digit by digit must come out digit for digit, or its check digit fails.
 */
import type { RedactLexicon } from './lexicon.ts';

/** A word's numbers: digits as written (kept as they are), or a spoken number's value. */
export interface WordNumber {
  digits: string;
  spoken: boolean;
}

const multipliers = new Set([100, 1000, 1_000_000]);

/** The value of number words said together as one number (in one word or a hyphenated one): 1000 + 9·100 + 90. */
function composeValues(values: readonly number[]): number {
  let total = 0;
  let current = 0;
  for (const value of values) {
    if (value === 1000 || value === 1_000_000) {
      total += (current || 1) * value;
      current = 0;
    } else if (value === 100) current = (current || 1) * 100;
    else current += value;
  }
  return total + current;
}

/** Splits a word wholly into number words (longest first), allowing one case ending at its end. */
function splitCompound(word: string, lexicon: RedactLexicon): number[] | null {
  if (word === '') return [];
  for (let end = word.length; end > 0; end -= 1) {
    const value = lexicon.numberWords.get(word.slice(0, end));
    if (value === undefined) continue;
    const rest = splitCompound(word.slice(end), lexicon);
    if (rest) return [Number(value), ...rest];
  }
  return lexicon.numberEndings.includes(word) ? [] : null;
}

function spokenValue(part: string, lexicon: RedactLexicon): number | null {
  const direct = lexicon.numberWords.get(part);
  if (direct !== undefined) return Number(direct);
  const ending = lexicon.numberEndings.find((candidate) => part.endsWith(candidate) && lexicon.numberWords.has(part.slice(0, -candidate.length)));
  if (ending) return Number(lexicon.numberWords.get(part.slice(0, -ending.length)));
  if (!lexicon.compoundNumbers) return null;
  const values = splitCompound(part, lexicon);
  return values && values.length > 0 ? composeValues(values) : null;
}

/**
 * The number a word stands for, or null: digits ("4471", Hungarian "12-én"), a number word,
 * a hyphenated pair ("forty-nine", "hatezer-kilencszáz") or digits joined by hyphens
 * ("4534-5776-9160-4601", read as written).
 */
export function readWordNumber(norm: string, lexicon: RedactLexicon): WordNumber | null {
  const parts = norm.split(/['’ʼ-]/u);
  if (parts.every((part) => /^\p{Nd}+$/u.test(part))) return { digits: parts.join(''), spoken: false };
  if (/^\p{Nd}+$/u.test(parts[0] ?? '') && parts.length === 2 && lexicon.numberEndings.includes(parts[1] ?? '')) return { digits: parts[0] ?? '', spoken: false };
  const values = parts.map((part) => spokenValue(part, lexicon));
  if (values.some((value) => value === null)) return null;
  return { digits: String(composeValues(values as number[])), spoken: true };
}

const trailingZeros = (value: number) => /0*$/.exec(String(value))?.[0].length ?? 0;

/**
 * The digits of numbers said one after another. Written digits are taken as written; a
 * spoken number joins the one before it when it completes it ("twenty" "one" → 21,
 * "four" "hundred" → 400, "тысяча" "девятьсот" → 1900), else follows it ("four" "four" → 44).
 */
export function joinDigits(numbers: readonly WordNumber[]): string {
  const chunks: { digits: string; spoken: boolean }[] = [];
  for (const number of numbers) {
    const last = chunks.at(-1);
    const value = Number(number.digits);
    const lastValue = last ? Number(last.digits) : 0;
    if (last?.spoken && number.spoken && multipliers.has(value) && lastValue > 0 && lastValue < value) {
      last.digits = String(lastValue * value);
    } else if (last?.spoken && number.spoken && lastValue >= 20 && value > 0 && value < 10 ** trailingZeros(lastValue)) {
      last.digits = String(lastValue + value);
    } else chunks.push({ ...number });
  }
  return chunks.map((chunk) => chunk.digits).join('');
}
