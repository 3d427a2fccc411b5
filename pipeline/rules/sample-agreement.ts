/**
 * Measures how well the rules agree with the generated sample calls' ground truth
 * (`samples/calls/*.truth.json`): per language, each rule's status, the I/you counts within
 * ±1 and hold consent per hold. In the "acoustic" mode the truth's acoustic events
 * (interruptions, backchannels, holds with their times, dead air) stand in for the audio
 * stage, their truth attributes stripped; in the "transcript-only" mode no event is given and
 * holds must be found in transcript gaps. Transfers are always left to the transcript.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { silentEffects } from '../../core/effects.ts';
import type { CallEvent, EventType, Language, Utterance } from '../result/call-result.ts';
import { evaluateRules } from './index.ts';
import type { RulePack } from './rule-pack.ts';

const Span = { start: Type.Number(), end: Type.Number() };
const SampleTruth = Type.Object({
  name: Type.String(),
  language: Type.Union([Type.Literal('en'), Type.Literal('ru'), Type.Literal('hu')]),
  utterances: Type.Array(Type.Object({ ...Span, party: Type.Union([Type.Literal('agent'), Type.Literal('customer')]), text: Type.String() })),
  events: Type.Array(Type.Object({ ...Span, type: Type.String(), by: Type.Optional(Type.Union([Type.Literal('agent'), Type.Literal('customer')])), overlap_s: Type.Optional(Type.Number()), kind: Type.Optional(Type.Union([Type.Literal('music'), Type.Literal('silence')])), consented: Type.Optional(Type.Boolean()) })),
  rules: Type.Record(Type.String(), Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('n/a')])),
  statements: Type.Object({ agent: Type.Object({ i: Type.Integer(), you: Type.Integer() }) }),
});
export type SampleTruth = Static<typeof SampleTruth>;

export interface Tally {
  agreed: number;
  total: number;
  /** "call: expected → got" for each disagreement. */
  misses: string[];
}

export interface LanguageAgreement {
  language: Language;
  calls: number;
  rules: Record<string, Tally>;
  statementsWithinOne: Tally;
  holdConsent: Tally;
}

/** Every `*.truth.json` under `dir`, validated, sorted by name. */
export async function loadSampleTruths(dir: string): Promise<SampleTruth[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.truth.json')).sort();
  return Promise.all(files.map(async (file) => {
    const value: unknown = JSON.parse(await readFile(join(dir, file), 'utf8'));
    if (!Value.Check(SampleTruth, value)) throw new Error(`${file} is not a callqa.truth/1 file this harness understands`);
    return value;
  }));
}

/** The truth's acoustic events as the audio stage would report them, truth attributes removed. */
export function acousticStandIns(truth: SampleTruth): { events: CallEvent[]; eventTypesChecked: EventType[] } {
  const events = truth.events.flatMap((event): CallEvent[] => {
    const span = { start: event.start, end: event.end };
    if (event.type === 'interruption' && event.by) return [{ type: 'interruption', ...span, by: event.by, overlap_s: event.overlap_s ?? 0 }];
    if (event.type === 'backchannel' && event.by) return [{ type: 'backchannel', ...span, by: event.by }];
    if (event.type === 'hold') return [{ type: 'hold', ...span, kind: event.kind ?? 'silence' }];
    if (event.type === 'dead_air') return [{ type: 'dead_air', ...span }];
    return [];
  });
  return { events, eventTypesChecked: ['interruption', 'backchannel', 'hold', 'dead_air'] };
}

const tally = (): Tally => ({ agreed: 0, total: 0, misses: [] });
function count(target: Tally, agreed: boolean, miss: string): void {
  target.total += 1;
  if (agreed) target.agreed += 1;
  else target.misses.push(miss);
}

export type AgreementMode = 'acoustic' | 'transcript-only';

/** Runs the rules over every sample call and compares with its truth, per language. */
export function measureAgreement(truths: readonly SampleTruth[], packs: ReadonlyMap<Language, RulePack>, mode: AgreementMode = 'acoustic'): LanguageAgreement[] {
  const byLanguage = new Map<Language, LanguageAgreement>();
  for (const truth of truths) {
    const pack = packs.get(truth.language);
    if (!pack) continue;
    const entry = byLanguage.get(truth.language) ?? { language: truth.language, calls: 0, rules: {}, statementsWithinOne: tally(), holdConsent: tally() };
    byLanguage.set(truth.language, entry);
    entry.calls += 1;
    const utterances: Utterance[] = truth.utterances.map(({ party, start, end, text }) => ({ party, start, end, text }));
    const given = mode === 'acoustic' ? acousticStandIns(truth) : { events: [], eventTypesChecked: [] };
    const result = evaluateRules({ language: truth.language, utterances, ...given }, pack, silentEffects);
    for (const [id, expected] of Object.entries(truth.rules)) {
      const got = result.rules.find((rule) => rule.id === id)?.status ?? 'missing';
      count(entry.rules[id] ??= tally(), got === expected, `${truth.name}: ${expected} → ${got}`);
    }
    const { i, you } = result.statements.agent;
    const expected = truth.statements.agent;
    count(entry.statementsWithinOne, Math.abs(i - expected.i) <= 1 && Math.abs(you - expected.you) <= 1, `${truth.name}: i ${expected.i} you ${expected.you} → i ${i} you ${you}`);
    const reviewedHolds = result.events.filter((event) => event.type === 'hold');
    truth.events.filter((event) => event.type === 'hold').forEach((hold, index) => {
      const got = reviewedHolds.find((event) => event.start < hold.end && hold.start < event.end);
      count(entry.holdConsent, got?.consented === hold.consented, `${truth.name} hold ${index + 1}: ${hold.consented} → ${got?.consented}`);
    });
  }
  return [...byLanguage.values()];
}

const percent = ({ agreed, total }: Tally) => (total === 0 ? '–' : `${Math.round((100 * agreed) / total)} %`);

/** A Markdown table: one row per rule, one column per language. */
export function formatAgreement(results: readonly LanguageAgreement[]): string {
  const ruleIds = [...new Set(results.flatMap((result) => Object.keys(result.rules)))];
  const header = `| rule | ${results.map((result) => `${result.language} (${result.calls} calls)`).join(' | ')} |`;
  const rows = [
    ...ruleIds.map((id) => `| ${id} | ${results.map((result) => percent(result.rules[id] ?? tally())).join(' | ')} |`),
    `| I/you within ±1 | ${results.map((result) => percent(result.statementsWithinOne)).join(' | ')} |`,
    `| hold consent (per hold) | ${results.map((result) => `${percent(result.holdConsent)} of ${result.holdConsent.total}`).join(' | ')} |`,
  ];
  return [header, `|---|${results.map(() => '---|').join('')}`, ...rows].join('\n');
}
