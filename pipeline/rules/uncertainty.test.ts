import { describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { languages } from '../result/call-result.ts';
import { evaluateRules, type RulePack } from './index.ts';
import { loadRulePack } from './load-pack.ts';
import { buildCall, ruleOf, runScript } from './test-calls.test-helper.ts';

const [en, ru, hu] = await Promise.all([loadRulePack('en'), loadRulePack('ru'), loadRulePack('hu')]);
const afterHold = ['-- hold 20 --', 'A: Thanks for holding.'];

/** The script with the confidence of utterance `index` set. */
function withConfidence(lines: readonly string[], index: number, confidence: number, pack: RulePack = en) {
  const call = buildCall(lines);
  const utterances = call.utterances.map((utterance, at) => (at === index ? { ...utterance, confidence } : utterance));
  const language = languages.find((code) => code === pack.language) ?? 'en';
  return evaluateRules({ language, utterances, events: call.events, eventTypesChecked: ['hold'] }, pack, silentEffects);
}

describe('uncertain verdicts', () => {
  it('a hold request missing one word is uncertain, with the partial phrase as the reason and the utterance as evidence', () => {
    const result = runScript(en, ['A: Could you for a minute while I check?', 'C: Yes, sure.', ...afterHold]);
    const rule = ruleOf(result, 'hold-consent');
    expect(rule).toMatchObject({ status: 'uncertain', count: 1 });
    expect(rule.uncertain_reason).toMatch(/^consented: partial match of ".*" \(hold-ask\)$/);
    expect(rule.evidence.map((item) => item.text)).toContain('Could you for a minute while I check?');
    expect(result.events.find((event) => event.type === 'hold')).toMatchObject({ consented: null });
  });

  it('a plain announcement, a refusal or a clear ask without an answer still fails', () => {
    expect(ruleOf(runScript(en, ['A: Hold on.', ...afterHold]), 'hold-consent').status).toBe('fail');
    expect(ruleOf(runScript(en, ['A: Can I put you on hold?', "C: No, I'm driving.", ...afterHold]), 'hold-consent').status).toBe('fail');
    expect(ruleOf(runScript(en, ['A: Can I put you on hold?', 'C: Where is my parcel?', ...afterHold]), 'hold-consent').status).toBe('fail');
  });

  it('an unclear answer to a clear ask is uncertain when speech-to-text was unsure of it, a fail when it was sure', () => {
    const lines = ['A: Can I put you on hold?', 'C: I need to leave soon.', ...afterHold];
    expect(withConfidence(lines, 1, 0.3).rules.find((rule) => rule.id === 'hold-consent')).toMatchObject({
      status: 'uncertain', uncertain_reason: 'consented: speech-to-text confidence 0.30 is below 0.5',
    });
    expect(withConfidence(lines, 1, 0.9).rules.find((rule) => rule.id === 'hold-consent')?.status).toBe('fail');
  });

  it('a hold with no transcript before it is uncertain: a gap over the event', () => {
    const result = runScript(en, ['-- hold 20 --', 'A: Thanks for holding, Northwind Energy, Anna speaking.']);
    expect(ruleOf(result, 'hold-consent')).toMatchObject({ status: 'uncertain', count: 1, uncertain_reason: 'consented: no transcript in the 30 s before the hold' });
    // A second hold straight after the first: its window is empty, but the first hold failed.
    const twice = runScript(en, ['A: Hello, Northwind Energy, Anna speaking.', 'C: Hi.', '-- hold 40 --', '-- hold 20 --', 'A: Thanks for holding.']);
    expect(twice.events.filter((event) => event.type === 'hold').map((hold) => hold.consented)).toEqual([false, null]);
    expect(ruleOf(twice, 'hold-consent')).toMatchObject({ status: 'fail', count: 1 });
  });

  it('works from each language pack: a Russian partial ask, a Hungarian low-confidence one', () => {
    expect(ruleOf(runScript(ru, ['A: Можно я поставлю вас на минутку?', 'C: Да, конечно.', '-- hold 20 --', 'A: Спасибо за ожидание.']), 'hold-consent').status).toBe('uncertain');
    const hungarian = ['A: Egy kis türelem.', 'C: Igen, persze.', '-- hold 20 --', 'A: Köszönöm, hogy várt.'];
    expect(withConfidence(hungarian, 0, 0.2, hu).rules.find((rule) => rule.id === 'hold-consent')?.status).toBe('uncertain');
    expect(withConfidence(hungarian, 0, 0.8, hu).rules.find((rule) => rule.id === 'hold-consent')?.status).toBe('fail');
  });

  it('a greeting missing on a low-confidence first turn is uncertain, on a clear one a fail', () => {
    const lines = ['A: good morning how can i help'];
    expect(withConfidence(lines, 0, 0.3).rules.find((rule) => rule.id === 'greeting')).toMatchObject({ status: 'uncertain', count: 1 });
    expect(withConfidence(lines, 0, 0.9).rules.find((rule) => rule.id === 'greeting')?.status).toBe('fail');
  });
});
