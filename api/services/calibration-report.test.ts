import { describe, expect, it } from 'vitest';
import { buildAgreementReport, buildMachineTrend, type DatedAnswer, type SubmittedAnswer } from './calibration-report.ts';

const calls = ['c1', 'c2', 'c3', 'c4', 'c5'];
const answersOf = (evaluator: string, rule: string, statuses: string[], machine: string[]): SubmittedAnswer[] =>
  statuses.map((status, index) => ({ evaluator, call_id: calls[index]!, rule_id: rule, status, machine_status: machine[index]! }));

describe('buildAgreementReport', () => {
  const machineGreeting = ['pass', 'pass', 'fail', 'fail', 'pass'];
  const machineClosing = ['pass', 'fail', 'pass', 'fail', 'pass'];
  const report = buildAgreementReport({
    sessionId: 's', callIds: calls, ruleIds: ['closing', 'greeting'], evaluators: ['ann', 'bob', 'cy'],
    languages: new Map([['c1', 'en'], ['c2', 'en'], ['c3', 'en'], ['c4', 'hu'], ['c5', 'hu']]),
    answers: [
      // greeting: ann agrees with the machine; bob disagrees on c4 (the planted disagreement)
      ...answersOf('ann', 'greeting', ['pass', 'pass', 'fail', 'fail', 'pass'], machineGreeting),
      ...answersOf('bob', 'greeting', ['pass', 'pass', 'fail', 'pass', 'pass'], machineGreeting),
      // closing: both agree with the machine everywhere
      ...answersOf('ann', 'closing', machineClosing, machineClosing),
      ...answersOf('bob', 'closing', machineClosing, machineClosing),
    ],
  });

  it('names who submitted and who has not', () => {
    expect(report).toMatchObject({ evaluators_submitted: ['ann', 'bob'], evaluators_pending: ['cy'], items: 10 });
  });

  it("gives Cohen's kappa per pair, the planted disagreement's 6/11 between the evaluators and bob with the machine", () => {
    const pair = (a: string, b: string) => report.pairs.find((entry) => entry.a === a && entry.b === b)!.agreement;
    // Over 10 items ann and bob differ once: ann passes 6, bob 7. p_o = 0.9, p_e = 0.6·0.7 + 0.4·0.3 = 0.54, κ = 0.36/0.46.
    expect(pair('ann', 'bob').kappa).toBeCloseTo(0.36 / 0.46, 12);
    expect(pair('ann', 'machine')).toEqual({ items: 10, percent: 1, kappa: 1 });
    expect(pair('bob', 'machine').percent).toBeCloseTo(0.9, 12);
    expect(report.pairs.map((entry) => `${entry.a}-${entry.b}`)).toEqual(['ann-bob', 'ann-machine', 'bob-machine']);
  });

  it('puts the rule with the disagreement first, with its kappas', () => {
    expect(report.rules.map((rule) => [rule.rule_id, rule.disagreements])).toEqual([['greeting', 1], ['closing', 0]]);
    expect(report.rules[0]!.percent_agreement).toBeCloseTo(0.8, 12);
    expect(report.rules[0]!.fleiss_kappa).toBeCloseTo(11 / 21, 12);
    expect(report.rules[1]!.fleiss_kappa).toBe(1);
  });

  it('leaves tied items out of the consensus, and compares the machine with it per language', () => {
    // The consensus of two evaluators exists only where they agree: 9 of 10 items.
    expect(report.evaluators.map((entry) => [entry.evaluator, entry.with_consensus.items, entry.with_consensus.percent])).toEqual([['ann', 9, 1], ['bob', 9, 1]]);
    expect(report.machine_with_consensus).toEqual({ items: 9, percent: 1, kappa: 1 });
    expect(report.languages.map((entry) => [entry.language, entry.machine_with_consensus.items])).toEqual([['en', 6], ['hu', 3]]);
    expect(report.percent_agreement).toBeCloseTo(0.9, 12);
  });
});

describe('buildMachineTrend', () => {
  const answer = (session: string, evaluator: string, call: string, status: string, machine: string, month: string, language: 'en' | 'hu' = 'en'): DatedAnswer =>
    ({ session_id: session, evaluator, call_id: call, rule_id: 'greeting', status, machine_status: machine, month, language });

  it('compares the machine with the consensus per month, rule and language, an item counted in the month it was last answered', () => {
    const rows = buildMachineTrend([
      answer('s1', 'ann', 'c1', 'pass', 'pass', '2026-10'), answer('s1', 'bob', 'c1', 'pass', 'pass', '2026-11'),
      answer('s1', 'ann', 'c2', 'fail', 'pass', '2026-10'), answer('s1', 'bob', 'c2', 'fail', 'pass', '2026-10'),
      answer('s2', 'ann', 'c1', 'pass', 'fail', '2026-11'), answer('s2', 'bob', 'c1', 'fail', 'fail', '2026-11'),
      answer('s2', 'ann', 'c3', 'fail', 'fail', '2026-11', 'hu'), answer('s2', 'bob', 'c3', 'fail', 'fail', '2026-11', 'hu'),
    ]);
    expect(rows).toEqual([
      { month: '2026-10', rule_id: 'greeting', language: 'en', agreement: { items: 1, percent: 0, kappa: 0 } },
      // s1/c1 agreed (pass = pass); s2/c1 is a tie between the evaluators, so it has no consensus and is left out.
      { month: '2026-11', rule_id: 'greeting', language: 'en', agreement: { items: 1, percent: 1, kappa: null } },
      { month: '2026-11', rule_id: 'greeting', language: 'hu', agreement: { items: 1, percent: 1, kappa: null } },
    ]);
  });
});
