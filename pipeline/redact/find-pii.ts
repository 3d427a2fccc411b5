/**
 * Personal data in one utterance, as character spans: card numbers (Luhn-checked), IBANs
 * (mod-97-checked), e-mail addresses (written, or said: "anna dot smith at example dot
 * com"), phone numbers, birth dates (near a birth cue, or answering a question with one)
 * and the values of the rule packs' data items where the rules found one asked for or named.
 * Numbers count however they are said: digits, spaced digits, number words, or a mix.
 */
import type { RedactionKind } from '../result/redaction-mask.ts';
import { passesIbanCheck, passesLuhn } from './checksums.ts';
import type { RedactLexicon } from './lexicon.ts';
import { joinDigits, readWordNumber, type WordNumber } from './spoken-numbers.ts';
import { findWords, type WordSpan } from '../rules/index.ts';

export interface PiiSpan {
  kind: RedactionKind;
  /** For data-item: the pack's item id. */
  item?: string;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
}

export interface UtteranceCues {
  text: string;
  /** The other party's previous utterance named a birth date. */
  birthAsked: boolean;
  /** A data item whose value the rules found asked for or named here. */
  item: string | null;
}

interface NumberRun {
  words: { word: WordSpan; number: WordNumber }[];
  digits: string;
  plus: boolean;
  amount: boolean;
  /** An identifier word ("number", "номер", "szám") stands just before it. */
  named: boolean;
  /** Where it starts with the capital letters spelled just before it ("P X four four one nine"): an identifier's letters. */
  spelledStart: number;
  start: number;
  end: number;
}

const cardDigits = { min: 13, max: 19 };
const phoneDigits = { min: 9, max: 13, minAfterPlus: 8, maxAfterPlus: 15 } as const;
const minItemDigits = 3;
/** A number named only by an identifier word, not by a data item the rules know, needs more digits. */
const minIdentifierDigits = 4;
const identifierReach = 2;
// Between the numbers of one run: spaces, commas, hyphens, dots, slashes, brackets ("8 (903) 234-56-78").
const numberGap = /^[\s,.\-/()]{1,4}$/u;
const dateGap = /^[\s,.\-/]{1,3}$/u;
const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const ibanPattern = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g;

function findNumberRuns(text: string, words: readonly WordSpan[], lexicon: RedactLexicon): NumberRun[] {
  const runs: NumberRun[] = [];
  let current: NumberRun['words'] = [];
  let firstIndex = 0;
  const close = (nextIndex: number) => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last) {
      const before = words[firstIndex - 1];
      const after = words[nextIndex];
      const plusWord = before !== undefined && lexicon.plusWords.has(before.norm) && /^\s+$/.test(text.slice(before.end, first.word.start)) ? before : undefined;
      const plus = plusWord !== undefined || /\+\s*\(?$/.test(text.slice(Math.max(0, first.word.start - 3), first.word.start));
      const amount = /[£$€₽]\s*$/.test(text.slice(Math.max(0, first.word.start - 2), first.word.start)) || /^\s*%/.test(text.slice(last.word.end, last.word.end + 2))
        || (after !== undefined && lexicon.amountWords.has(after.norm) && /^\s*$/.test(text.slice(last.word.end, after.start)));
      const named = words.slice(Math.max(0, firstIndex - identifierReach), firstIndex).some((word) => lexicon.identifierWords.has(word.norm));
      let spelled = firstIndex;
      while (spelled > 0 && /^\p{Lu}$/u.test(text.slice(words[spelled - 1]?.start, words[spelled - 1]?.end)) && /^\s+$/.test(text.slice(words[spelled - 1]?.end, words[spelled]?.start))) spelled -= 1;
      runs.push({
        words: current, digits: joinDigits(current.map((entry) => entry.number)), plus, amount, named,
        start: (plusWord ?? first.word).start, end: last.word.end, spelledStart: words[spelled]?.start ?? first.word.start,
      });
    }
    current = [];
  };
  words.forEach((word, index) => {
    const number = readWordNumber(word.norm, lexicon);
    const previous = current.at(-1);
    if (previous && (!number || !numberGap.test(text.slice(previous.word.end, word.start)))) close(index);
    if (number && current.length === 0) firstIndex = index;
    if (number) current.push({ word, number });
  });
  close(words.length);
  return runs;
}

function findIbans(text: string): PiiSpan[] {
  return Array.from(text.matchAll(ibanPattern)).flatMap((match) => {
    for (let end = match[0].length; end >= 15; end -= 1) {
      const candidate = match[0].slice(0, end).replaceAll(' ', '');
      if (candidate.length >= 15 && passesIbanCheck(candidate)) return [{ kind: 'iban' as const, start: match.index, end: match.index + end }];
    }
    return [];
  });
}

/** "anna dot smith at example dot com": a name chain, an at-word, and a domain chain with at least one dot-word. */
function findSpokenEmails(text: string, words: readonly WordSpan[], lexicon: RedactLexicon): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const spaced = (left: WordSpan | undefined, right: WordSpan | undefined) => left !== undefined && right !== undefined && /^\s+$/.test(text.slice(left.end, right.start));
  words.forEach((word, at) => {
    if (!lexicon.emailAtWords.has(word.norm) || !spaced(words[at - 1], word) || !spaced(word, words[at + 1])) return;
    let first = at - 1;
    while (lexicon.emailDotWords.has(words[first - 1]?.norm ?? '') && spaced(words[first - 2], words[first - 1])) first -= 2;
    let last = at + 1;
    while (lexicon.emailDotWords.has(words[last + 1]?.norm ?? '') && spaced(words[last], words[last + 1]) && spaced(words[last + 1], words[last + 2])) last += 2;
    const start = words[first];
    const end = words[last];
    if (last > at + 1 && start && end) spans.push({ kind: 'email', start: start.start, end: end.end });
  });
  return spans;
}

/** A number, a month, an ordinal, or those joined by a hyphen ("twenty-first", "12-én"). */
function isDateWord(word: WordSpan, lexicon: RedactLexicon): boolean {
  const isPart = (part: string) => readWordNumber(part, lexicon) !== null || lexicon.dateWords.has(part) || lexicon.dateStems.some((stem) => part.startsWith(stem));
  return isPart(word.norm) || word.norm.split('-').every(isPart);
}

/** Runs of date words (numbers, months, ordinals, joined by "of", "года"…) that read as a date: two parts, a year, or one written date. */
function findDates(text: string, words: readonly WordSpan[], lexicon: RedactLexicon): PiiSpan[] {
  const spans: PiiSpan[] = [];
  let run: WordSpan[] = [];
  const close = () => {
    while (run.length > 0 && lexicon.dateJoiners.has(run.at(-1)?.norm ?? '')) run.pop();
    const parts = run.filter((word) => !lexicon.dateJoiners.has(word.norm));
    const only = parts.length === 1 ? parts[0] : undefined;
    const single = only && (/^(19|20)\d\d$/.test(readWordNumber(only.norm, lexicon)?.digits ?? '') || /^\p{Nd}+[-./]\p{Nd}+[-./]\p{Nd}+$/u.test(only.norm));
    const first = run[0];
    const last = run.at(-1);
    if (first && last && (parts.length >= 2 || single)) spans.push({ kind: 'birth-date', start: first.start, end: last.end });
    run = [];
  };
  for (const word of words) {
    const previous = run.at(-1);
    if (previous && !dateGap.test(text.slice(previous.end, word.start))) close();
    if (isDateWord(word, lexicon) || (lexicon.dateJoiners.has(word.norm) && (run.length > 0 || !lexicon.dateTrailers.has(word.norm)))) run.push(word);
    else close();
  }
  close();
  return spans;
}

/** After a "+" any international number; without, a national one as the language writes it ("07700 900123", "8 916…", "06 30…"). */
function isPhoneNumber(run: NumberRun, lexicon: RedactLexicon): boolean {
  const { digits } = run;
  if (run.plus) return digits.length >= phoneDigits.minAfterPlus && digits.length <= phoneDigits.maxAfterPlus;
  if (digits.length < phoneDigits.min || digits.length > phoneDigits.max) return false;
  return lexicon.phoneDigits === null || lexicon.phoneDigits.some((pattern) => pattern.test(digits));
}

function classifyRun(run: NumberRun, cues: UtteranceCues, lexicon: RedactLexicon): PiiSpan | null {
  const { digits } = run;
  if (digits.length >= cardDigits.min && digits.length <= cardDigits.max && passesLuhn(digits)) return { kind: 'card', start: run.start, end: run.end };
  if (run.amount) return null;
  if (isPhoneNumber(run, lexicon)) return { kind: 'phone', start: run.start, end: run.end };
  if (cues.item !== null && digits.length >= minItemDigits) return { kind: 'data-item', item: cues.item, start: run.spelledStart, end: run.end };
  if (run.named && digits.length >= minIdentifierDigits) return { kind: 'data-item', start: run.spelledStart, end: run.end };
  return null;
}

/** Personal data in one utterance's text, without overlaps, in text order. */
export function findPii(cues: UtteranceCues, lexicon: RedactLexicon): PiiSpan[] {
  const { text } = cues;
  const words = findWords(text);
  const spans: PiiSpan[] = [];
  // Characters already in a kept span: a later, weaker finding over them is dropped.
  const covered = new Uint8Array(text.length);
  const add = (span: PiiSpan) => {
    if (covered.subarray(span.start, span.end).some((flag) => flag === 1)) return;
    covered.fill(1, span.start, span.end);
    spans.push(span);
  };
  for (const match of text.matchAll(emailPattern)) add({ kind: 'email', start: match.index, end: match.index + match[0].length });
  findIbans(text).forEach(add);
  findSpokenEmails(text, words, lexicon).forEach(add);
  const runs = findNumberRuns(text, words, lexicon);
  const classified = runs.map((run) => classifyRun(run, cues, lexicon));
  classified.forEach((span) => span && span.kind !== 'data-item' && add(span));
  if (cues.birthAsked || words.some((word) => lexicon.birthCues.has(word.norm))) findDates(text, words, lexicon).forEach(add);
  classified.forEach((span) => span?.kind === 'data-item' && add(span));
  return spans.sort((a, b) => a.start - b.start);
}
