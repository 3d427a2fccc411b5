/**
 * The near misses of issue 14, as whole calls through the rules, and the concept detectors
 * the phrase-bank evaluation reads.
 */
import { describe, expect, it } from 'vitest';
import { detectConcept } from './concepts.ts';
import { loadRulePack } from './load-pack.ts';
import { expectedOf, runScript, statusesOf, type RuleCase } from './test-calls.test-helper.ts';

const en = await loadRulePack('en');
const ru = await loadRulePack('ru');
const hu = await loadRulePack('hu');

describe('near misses guard precision', () => {
  it("fails no-disagreement on the agent's contradiction, not on the customer's", () => {
    const cases: RuleCase[] = [
      { rule: 'no-disagreement', expected: 'fail', lines: ['C: My router keeps dropping.', "A: No, that's wrong. The test shows no faults on your line."] },
      { rule: 'no-disagreement', expected: 'pass', lines: ['A: The test shows no faults on your line.', "C: No, that's wrong."] },
      { rule: 'no-disagreement', expected: 'pass', lines: ['C: Is there a fee?', "A: No, there's no charge for that, no problem."] },
    ];
    expect(statusesOf(en, cases)).toEqual(expectedOf(cases));
  });

  it('finds no transfer in a Russian hold request that shares its verb with transfers', () => {
    const holdOnly = runScript(ru, ['A: Я переведу вас в режим ожидания, хорошо?', 'C: Да, конечно.'], { acoustic: false });
    expect(holdOnly.events.filter((event) => event.type === 'transfer')).toEqual([]);
    const transfer = runScript(ru, ['A: Я переведу вас в отдел биллинга, они занимаются возвратами.'], { acoustic: false });
    expect(transfer.events.filter((event) => event.type === 'transfer')).toHaveLength(1);
  });

  it('takes an offer as an alternative only after a refusal, in the same or the next utterance', () => {
    const cases: RuleCase[] = [
      { rule: 'alternative-offered', expected: 'pass', lines: ["A: I can't move the date, but I can get you on Friday's first slot."] },
      { rule: 'alternative-offered', expected: 'pass', lines: ["A: I can't move the date.", "A: I can get you on Friday's first slot."] },
      { rule: 'alternative-offered', expected: 'fail', lines: ["A: I can get you on Friday's first slot, I can't move the date."] },
      { rule: 'alternative-offered', expected: 'fail', lines: ["A: I can't move the date.", 'C: Why not?', 'A: The system is closed.', 'A: I can get you on Friday.'] },
    ];
    expect(statusesOf(en, cases)).toEqual(expectedOf(cases));
    expect(detectConcept(ru, 'alternative', 'agent', 'Перенести не могу, но могу посмотреть пятницу.')).toBe(true);
    expect(detectConcept(ru, 'alternative', 'agent', 'Могу посмотреть пятницу.')).toBe(false);
  });

  it("takes a refusal as no consent, even when it holds a word of agreement", () => {
    const cases: RuleCase[] = [
      { rule: 'hold-consent', expected: 'fail', lines: ['A: Can I put you on hold for a minute?', "C: No, sorry, I'm driving.", '-- hold 20 --'] },
      { rule: 'hold-consent', expected: 'pass', lines: ['A: Can I put you on hold for a minute?', 'C: No problem, go ahead.', '-- hold 20 --'] },
    ];
    expect(statusesOf(en, cases)).toEqual(expectedOf(cases));
  });
});

describe('concept detectors', () => {
  it('reads Hungarian causative + conditional and Russian aspect forms', () => {
    expect(detectConcept(hu, 'hold-ask', 'agent', 'Megvárakoztathatnám egy percre?')).toBe(true);
    expect(detectConcept(hu, 'hold-ask', 'agent', 'Most várakoztatom.')).toBe(false);
    expect(detectConcept(hu, 'please', 'agent', 'Megadná a születési dátumát?')).toBe(true);
    expect(detectConcept(ru, 'hold-announce', 'agent', 'Ставлю вас на удержание.')).toBe(true);
  });

  it('never gives the agent a concept for what the customer said, nor the reverse', () => {
    expect(detectConcept(en, 'disagreement', 'customer', "No, that's wrong.")).toBe(false);
    expect(detectConcept(en, 'hold-agreement', 'agent', 'Sure.')).toBe(false);
    expect(detectConcept(en, 'hold-agreement', 'customer', 'Sure.')).toBe(true);
  });
});
