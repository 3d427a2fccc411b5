/**
 * Golden folders for the rules and score stages: `golden/<language>-<case>/input.json` is one
 * call (language, utterances, acoustic events, event types checked) and `expected.json` what
 * the real packs and scorecard make of it today. `golden.test.ts` only reads them;
 * `update-golden.ts` (`npm run golden`) rewrites `expected.json` on purpose.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { silentEffects } from '../../core/effects.ts';
import { CallEvent, ContactChannel, EventType, Language, Utterance } from '../result/call-result.ts';
import { loadScorecard, scoreCall, type CallScore, type Scorecard } from '../score/index.ts';
import { evaluateRules, loadRulePack, type RulePack, type RulesResult } from './index.ts';

export const goldenDir = fileURLToPath(new URL('./golden/', import.meta.url));
export const inputFileName = 'input.json';
export const expectedFileName = 'expected.json';

export const GoldenInput = Type.Object({
  description: Type.String({ minLength: 1 }),
  language: Language,
  /** Absent: voice. */
  channel: Type.Optional(ContactChannel),
  eventTypesChecked: Type.Array(EventType),
  /** The model that scored the utterances' sentiment, when one did. */
  sentimentModelId: Type.Optional(Type.String({ minLength: 1 })),
  utterances: Type.Array(Utterance),
  events: Type.Array(CallEvent),
}, { additionalProperties: false });
export type GoldenInput = Static<typeof GoldenInput>;

/** What `expected.json` records: both stages' whole results, as they are serialised. */
export interface GoldenOutput {
  callScore: CallScore;
  rulesResult: RulesResult;
}

/** The case folders, sorted by name. */
export async function listGoldenCases(): Promise<string[]> {
  const entries = await readdir(goldenDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

export async function loadGoldenInput(caseName: string): Promise<GoldenInput> {
  const file = join(goldenDir, caseName, inputFileName);
  const value: unknown = JSON.parse(await readFile(file, 'utf8'));
  const problem = Value.Errors(GoldenInput, value).First();
  if (problem) throw new Error(`${file}: ${problem.path || '(the whole file)'}: ${problem.message}. Fix: see the "Golden folders" section of pipeline/rules/README.md for the input format.`);
  return value as GoldenInput;
}

const packs = new Map<string, Promise<RulePack>>();
let scorecard: Promise<Scorecard> | undefined;

/** Runs the real rules and score stages, with the shipped packs and scorecard, over one case. */
export async function runGoldenCase(input: GoldenInput): Promise<GoldenOutput> {
  const pack = packs.get(input.language) ?? loadRulePack(input.language);
  packs.set(input.language, pack);
  scorecard ??= loadScorecard();
  const { language, channel, utterances, events, eventTypesChecked, sentimentModelId } = input;
  const rulesResult = evaluateRules({ language, channel, utterances, events, eventTypesChecked, sentimentModelId }, await pack, silentEffects);
  return { callScore: scoreCall(rulesResult.rules, await scorecard), rulesResult };
}

// Keys the eye looks for first; the rest follow alphabetically, so the code's construction
// order never shows up as a diff.
const leadingKeys = ['id', 'type', 'status', 'count', 'severity', 'weight', 'start', 'end', 'party', 'text'];
const keyRank = (key: string) => {
  const rank = leadingKeys.indexOf(key);
  return rank === -1 ? leadingKeys.length : rank;
};
const compareKeys = (a: string, b: string) => keyRank(a) - keyRank(b) || (a < b ? -1 : a > b ? 1 : 0);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const holdsObjectList = (value: unknown): boolean => Array.isArray(value) ? value.some((item) => typeof item === 'object' && item !== null)
  : isRecord(value) && Object.values(value).some(holdsObjectList);

function render(value: Json, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => render(item, inner))
    : Object.keys(value).sort(compareKeys).map((key) => `${JSON.stringify(key)}: ${render(value[key] as Json, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return `${open}${close}`;
  // One evidence span, event or rule without evidence a line: a change is a one-line diff.
  if (!holdsObjectList(value)) return Array.isArray(value) ? `[${items.join(', ')}]` : `{ ${items.join(', ')} }`;
  return `${open}\n${items.map((item) => `${inner}${item}`).join(',\n')}\n${indent}${close}`;
}

/** The stable text of `expected.json`: keys in a fixed order, numbers as the code gives them. */
export function renderGolden(output: GoldenOutput): string {
  return `${render(JSON.parse(JSON.stringify(output)) as Json, '')}\n`;
}

const shorten = (value: unknown) => {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
};
const ruleSummary = (rule: unknown) => (isRecord(rule) ? `${String(rule.status)} (count ${String(rule.count)})` : '(absent)');

function ruleDifferences(expected: readonly unknown[], actual: readonly unknown[]): string[] {
  const byId = (rules: readonly unknown[]) => new Map(rules.filter(isRecord).map((rule) => [String(rule.id), rule]));
  const [was, is] = [byId(expected), byId(actual)];
  return [...new Set([...was.keys(), ...is.keys()])].flatMap((id) => {
    const [before, after] = [was.get(id), is.get(id)];
    if (isDeepStrictEqual(before, after)) return [];
    const statusChanged = before?.status !== after?.status || before?.count !== after?.count;
    const detail = Object.keys({ ...before, ...after }).filter((key) => !isDeepStrictEqual(before?.[key], after?.[key]))
      .map((key) => `${key} ${shorten(before?.[key])} -> ${shorten(after?.[key])}`);
    return [`rule ${id}: expected ${ruleSummary(before)}, got ${ruleSummary(after)}${statusChanged ? '' : `; ${detail.join('; ')}`}`];
  });
}

/**
 * Names what differs between an expected and an actual golden output (both as parsed JSON):
 * each rule by id, each other field by its path. Empty when they are equal.
 */
export function findGoldenDifferences(expected: unknown, actual: unknown, path = ''): string[] {
  if (isDeepStrictEqual(expected, actual)) return [];
  if (path === 'rulesResult.rules' && Array.isArray(expected) && Array.isArray(actual)) return ruleDifferences(expected, actual);
  // Down to the fields of each stage's result (`rulesResult.events`), then one line a field.
  const depth = path === '' ? 0 : path.split('.').length;
  if (isRecord(expected) && isRecord(actual) && depth < 2) {
    return Object.keys({ ...expected, ...actual }).flatMap((key) => findGoldenDifferences(expected[key], actual[key], path ? `${path}.${key}` : key));
  }
  if (expected === undefined) return [`${path}: new field, not in ${expectedFileName}: ${shorten(actual)}`];
  if (actual === undefined) return [`${path}: in ${expectedFileName} but no longer produced`];
  return [`${path}: expected ${shorten(expected)}, got ${shorten(actual)}`];
}
