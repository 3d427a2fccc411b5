/**
 * The PII set (eval/pii/<language>.json, written before the detectors were tuned): each case
 * is a few turns with the personal data marked `{kind:text}`, or a near miss with nothing
 * marked. A case is judged by the real path — the rules stage over its raw turns (where data
 * items' values are said), then the redaction stage — and scored per word: a marked value is
 * recalled when every one of its words was masked; a redaction is precise when one of its
 * masked words lies in a marked value. Recall is per marked kind, precision per found kind.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadJudgeConfig, type JudgeConfig } from '../pipeline/judge-call.ts';
import { loadRedactConfig, redactCall, type RedactConfig } from '../pipeline/redact-call.ts';
import type { Language, Utterance } from '../pipeline/result/call-result.ts';
import { isRedactionMask, redactionKinds } from '../pipeline/result/redaction-mask.ts';
import { findWords } from '../pipeline/rules/normalize.ts';
import { shareOf, type Figures } from './measure.ts';

export const defaultPiiSetDir = path.resolve(import.meta.dirname, 'pii');
export const piiSplits = ['tune', 'test', 'fresh'] as const;
type PiiSplit = (typeof piiSplits)[number];

interface PiiCaseFile {
  language: Language;
  cases: { split: PiiSplit; turns: string[] }[];
}

interface MarkedValue {
  kind: string;
  turn: number;
  /** Word indexes in the turn's text. */
  words: number[];
}

export interface PiiCase {
  language: Language;
  split: PiiSplit;
  utterances: Utterance[];
  marked: MarkedValue[];
}

const markPattern = /\{([a-z-]+):([^}]*)\}/g;
const secondsPerWord = 0.3;

function readTurn(line: string, turn: number): { text: string; marked: MarkedValue[] } {
  const marks: { kind: string; start: number; end: number }[] = [];
  let text = '';
  let copied = 0;
  for (const match of line.matchAll(markPattern)) {
    text += line.slice(copied, match.index);
    marks.push({ kind: match[1] ?? '', start: text.length, end: text.length + (match[2] ?? '').length });
    text += match[2];
    copied = match.index + match[0].length;
  }
  text += line.slice(copied);
  const words = findWords(text);
  const marked = marks.map((mark) => ({
    kind: mark.kind, turn, words: words.flatMap((word, index) => (word.start < mark.end && mark.start < word.end ? [index] : [])),
  }));
  return { text, marked };
}

export async function loadPiiSet(language: Language, dir = defaultPiiSetDir): Promise<PiiCase[]> {
  const file = JSON.parse(await readFile(path.join(dir, `${language}.json`), 'utf8')) as PiiCaseFile;
  return file.cases.map(({ split, turns }) => {
    let clockS = 0;
    const read = turns.map((line, turn) => {
      const party = line.startsWith('a: ') ? 'agent' as const : 'customer' as const;
      const { text, marked } = readTurn(line.slice(3), turn);
      const start = clockS + 0.4;
      clockS = start + secondsPerWord * text.split(/\s+/).length;
      return { utterance: { party, start, end: clockS, text }, marked };
    });
    return { language, split, utterances: read.map((entry) => entry.utterance), marked: read.flatMap((entry) => entry.marked) };
  });
}

/** Masked words of the redacted turns, grouped into found values: adjacent masks of one kind. */
function foundValues(utterances: readonly Utterance[]): MarkedValue[] {
  return utterances.flatMap((utterance, turn) => {
    const found: MarkedValue[] = [];
    findWords(utterance.text).forEach((word, index) => {
      if (!isRedactionMask(word.norm)) return;
      const kind = word.norm.slice(1, -1);
      const last = found.at(-1);
      if (last && last.kind === kind && last.words.at(-1) === index - 1) last.words.push(index);
      else found.push({ kind, turn, words: [index] });
    });
    return found;
  });
}

export interface PiiVerdicts {
  marked: { kind: string; recalled: boolean }[];
  found: { kind: string; precise: boolean }[];
}

export function judgePiiCase(piiCase: PiiCase, config: JudgeConfig & RedactConfig): PiiVerdicts {
  const redacted = redactCall({ source: null, language: piiCase.language, utterances: piiCase.utterances }, [], config);
  const found = foundValues(redacted.transcript.utterances);
  const inFound = (turn: number, word: number) => found.some((value) => value.turn === turn && value.words.includes(word));
  const inMarked = (turn: number, word: number) => piiCase.marked.some((value) => value.turn === turn && value.words.includes(word));
  return {
    marked: piiCase.marked.map((value) => ({ kind: value.kind, recalled: value.words.every((word) => inFound(value.turn, word)) })),
    found: found.map((value) => ({ kind: value.kind, precise: value.words.some((word) => inMarked(value.turn, word)) })),
  };
}

/** `pii.<kind>.<split>.recall|precision` and `pii.all.<split>.…` for one language's set. */
export function measurePiiSet(cases: readonly PiiCase[], config: JudgeConfig & RedactConfig): Figures {
  const figures: Figures = {};
  for (const split of piiSplits) {
    const verdicts = cases.filter((piiCase) => piiCase.split === split).map((piiCase) => judgePiiCase(piiCase, config));
    const marked = verdicts.flatMap((verdict) => verdict.marked);
    const found = verdicts.flatMap((verdict) => verdict.found);
    for (const kind of [...redactionKinds, 'all']) {
      const ofKind = <T extends { kind: string }>(items: readonly T[]) => (kind === 'all' ? items : items.filter((item) => item.kind === kind));
      figures[`pii.${kind}.${split}.recall`] = shareOf(ofKind(marked).filter((value) => value.recalled).length, ofKind(marked).length, 'score', 'no marked value');
      figures[`pii.${kind}.${split}.precision`] = shareOf(ofKind(found).filter((value) => value.precise).length, ofKind(found).length, 'score', 'nothing redacted');
    }
  }
  return figures;
}

/** The PII figures of each of `languages`, judged with the shipped packs and the default redaction. */
export async function measurePiiSets(languages: readonly Language[], dir = defaultPiiSetDir): Promise<Record<string, Figures>> {
  const judging = await loadJudgeConfig({ languages, rulePacksDir: null, scorecardPath: null });
  const config = { ...judging, ...loadRedactConfig('text', judging.rulePacks) };
  return Object.fromEntries(await Promise.all(languages.map(async (language) => [language, measurePiiSet(await loadPiiSet(language, dir), config)] as const)));
}
