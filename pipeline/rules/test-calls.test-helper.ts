/**
 * Test helper: writes a call as short script lines and runs the rules over it.
 *   "A: text" / "C: text"  the agent / the customer speaks (0.3 s a word, 0.4 s pauses)
 *   "A>: text"             the agent starts 1 s before the customer has finished (an interruption)
 *   "-- hold 20 --"        20 s of hold (an acoustic hold event unless `acoustic` is false)
 */
import { silentEffects } from '../../core/effects.ts';
import { languages, type CallEvent, type Language, type RuleResult, type Utterance } from '../result/call-result.ts';
import { evaluateRules, type RulesResult } from './index.ts';
import type { RulePack } from './rule-pack.ts';

const secondsPerWord = 0.3;
const pauseS = 0.4;
const interruptionOverlapS = 1;

export interface ScriptedCall {
  utterances: Utterance[];
  events: CallEvent[];
}

export function buildCall(lines: readonly string[]): ScriptedCall {
  const utterances: Utterance[] = [];
  const events: CallEvent[] = [];
  let clockS = 0;
  for (const line of lines) {
    const hold = /^-- hold (\d+(?:\.\d+)?) --$/.exec(line);
    if (hold) {
      events.push({ type: 'hold', start: clockS, end: clockS + Number(hold[1]), kind: 'music' });
      clockS += Number(hold[1]);
      continue;
    }
    const spoken = /^(A|C)(>)?: (.+)$/.exec(line);
    if (!spoken?.[1] || !spoken[3]) throw new Error(`bad script line: ${line}`);
    const interrupts = spoken[2] === '>';
    const start = interrupts ? clockS - interruptionOverlapS : clockS + pauseS;
    const end = start + secondsPerWord * spoken[3].split(/\s+/).length;
    const party = spoken[1] === 'A' ? 'agent' : 'customer';
    if (interrupts) events.push({ type: 'interruption', start, end: clockS, by: party, overlap_s: interruptionOverlapS });
    utterances.push({ party, start, end, text: spoken[3] });
    clockS = Math.max(clockS, end);
  }
  return { utterances, events };
}

function languageOf(pack: RulePack): Language {
  const language = languages.find((code) => code === pack.language);
  if (!language) throw new Error(`no call language for pack ${pack.language}`);
  return language;
}

/** Runs the pack over the script; `acoustic: false` hides every event (transcript-only analysis). */
export function runScript(pack: RulePack, lines: readonly string[], options: { acoustic?: boolean } = {}): RulesResult {
  const acoustic = options.acoustic ?? true;
  const call = buildCall(lines);
  return evaluateRules({
    language: languageOf(pack),
    utterances: call.utterances,
    events: acoustic ? call.events : [],
    eventTypesChecked: acoustic ? ['interruption', 'backchannel', 'hold', 'dead_air'] : [],
  }, pack, silentEffects);
}

export function ruleOf(result: RulesResult, id: string): RuleResult {
  const rule = result.rules.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`no result for rule ${id}`);
  return rule;
}

export interface RuleCase {
  rule: string;
  expected: RuleResult['status'];
  lines: readonly string[];
  /** false: transcript-only analysis (no acoustic events were checked). */
  acoustic?: boolean;
}

/** The status each case gets, for `expect(...).toEqual(expected)` over a whole table. */
export function statusesOf(pack: RulePack, cases: readonly RuleCase[]): string[] {
  return cases.map(({ rule, lines, acoustic }) => `${rule} ${ruleOf(runScript(pack, lines, { acoustic }), rule).status}: ${lines.join(' / ')}`);
}

export function expectedOf(cases: readonly RuleCase[]): string[] {
  return cases.map(({ rule, expected, lines }) => `${rule} ${expected}: ${lines.join(' / ')}`);
}
