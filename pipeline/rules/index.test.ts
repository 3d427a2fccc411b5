import { describe, expect, it } from 'vitest';
import type { Effects } from '../../core/effects.ts';
import { silentEffects } from '../../core/effects.ts';
import type { Utterance } from '../result/call-result.ts';
import { evaluateRules } from './index.ts';
import { loadRulePack } from './load-pack.ts';
import { buildCall, ruleOf, runScript } from './test-calls.test-helper.ts';

const en = await loadRulePack('en');

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}

describe('evaluateRules', () => {
  it('reports every enabled rule in pack order with severity, weight and evidence', () => {
    const result = runScript(en, ['A: Hello.']);
    expect(result.rules.map((rule) => rule.id)).toEqual(en.rules.map((rule) => rule.id));
    expect(ruleOf(result, 'hold-consent')).toMatchObject({ status: 'n/a', severity: 'critical', weight: 3, count: 0, evidence: [] });
  });

  it('gives n/a for every rule when no agent speech was identified', () => {
    const utterances: Utterance[] = [{ party: 'unknown', start: 0, end: 2, text: 'Hello, Northwind Energy, this is Anna.' }];
    const result = evaluateRules({ language: 'en', utterances, events: [], eventTypesChecked: [] }, en, silentEffects);
    expect(new Set(result.rules.map((rule) => rule.status))).toEqual(new Set(['n/a']));
  });

  it('reviews acoustic holds and finds transfers without touching its input', () => {
    const call = deepFreeze(buildCall([
      'A: May I put you on hold for a minute while I check?', 'C: Sure.', '-- hold 20 --', 'A: Thanks for holding.',
      "A: I'll transfer you to billing so they can refund it. If we get cut off, call them directly on eight hundred.",
    ]));
    const result = evaluateRules({ language: 'en', ...call, eventTypesChecked: ['hold', 'interruption'] }, en, silentEffects);
    expect(result.events.find((event) => event.type === 'hold')).toMatchObject({ consented: true, duration_stated: true, thanked_after: true });
    expect(result.events.find((event) => event.type === 'transfer')).toMatchObject({ target_named: true, reason_given: true, callback_number_given: true });
    expect(call.events).toHaveLength(1);
  });

  it('finds holds in transcript gaps when holds were not checked, and says so', () => {
    const lines: string[] = [];
    const effects: Effects = { log: (line) => lines.push(line), now: () => 0 };
    const call = buildCall(['A: Hold on, please.', '-- hold 16 --', 'A: Right.', 'C: Okay.', '-- hold 30 --', 'C: Hello?']);
    const result = evaluateRules({ language: 'en', utterances: call.utterances, events: [], eventTypesChecked: [] }, en, effects);
    const holds = result.events.filter((event) => event.type === 'hold');
    expect(holds).toEqual([expect.objectContaining({ kind: 'silence', consented: false })]);
    expect(holds[0]?.end).toBeCloseTo(call.utterances[1]?.start ?? 0);
    expect(lines).toEqual([expect.stringMatching(/1 hold\(s\) found in transcript gaps/)]);
  });

  it('cites the hold and what was said before it when consent is missing', () => {
    const evidence = ruleOf(runScript(en, ['A: Hold on.', '-- hold 20 --', 'A: Right.']), 'hold-consent').evidence;
    expect(evidence.map((item) => [item.party, item.text])).toEqual([['agent', 'Hold on.'], ['unknown', '[hold (music), 20.0 s]'], ['agent', 'Right.']]);
  });

  it("cites the turn where an expected phrase was missing, skipping the agent's backchannels", () => {
    const result = runScript(en, ['A: mm-hmm', 'A: Yeah, Parcelpoint.', 'C: Hi.']);
    expect(ruleOf(result, 'greeting').evidence.map((item) => item.text)).toEqual(['Yeah, Parcelpoint.']);
  });

  it('uses model sentiment when utterances carry it, and reports the source', () => {
    const call = buildCall(['C: The parcel did not come.', 'A: That is how it is.']);
    const utterances: Utterance[] = call.utterances.map((utterance) => ({ ...utterance, sentiment: { label: 'negative', score: -0.8 } }));
    const modelled = evaluateRules({ language: 'en', utterances, events: [], eventTypesChecked: [] }, en, silentEffects);
    expect(modelled.sentimentSource).toBe('utterance-sentiment');
    const named = evaluateRules({ language: 'en', utterances, events: [], eventTypesChecked: [], sentimentModelId: 'sentiment-multilingual' }, en, silentEffects);
    expect(named.sentimentSource).toBe('model:sentiment-multilingual');
    expect(named.eventTypesChecked).toEqual(['hold', 'transfer']);
    expect(ruleOf(modelled, 'calm-under-pressure').status).toBe('fail');
    const lexical = runScript(en, ['C: The parcel did not come.', 'A: That is how it is.']);
    expect(lexical.sentimentSource).toBe('lexicon');
    expect(ruleOf(lexical, 'calm-under-pressure').status).toBe('n/a');
  });
});
