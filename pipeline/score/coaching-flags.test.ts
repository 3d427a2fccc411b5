import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../result/call-result.ts';
import { findCoachingFlags, summarizeAgent, type AgentCall } from './coaching-flags.ts';
import { loadScorecard } from './scorecard.ts';

const { coaching } = await loadScorecard();
const config = { ...coaching, windowCalls: 5, minApplicableCalls: 3, failureRateThreshold: 0.5, maxExampleCalls: 2 };

/** One call per entry: rule id → status, e.g. { please: 'fail', greeting: 'pass' }. */
function calls(...statuses: Record<string, RuleResult['status']>[]): AgentCall[] {
  return statuses.map((byRule, index) => ({
    callId: `call-${index + 1}`,
    score: 80 - index,
    rules: Object.entries(byRule).map(([id, status]) => ({ id, status, count: 0, evidence: [] })),
  }));
}

describe('findCoachingFlags', () => {
  it('flags a rule failing at or above the threshold, citing the latest failing calls', () => {
    const history = calls({ please: 'fail' }, { please: 'pass' }, { please: 'fail' }, { please: 'fail' }, { please: 'pass' });
    expect(findCoachingFlags(history, config)).toEqual([
      { ruleId: 'please', applicableCalls: 5, failedCalls: 3, failureRate: 0.6, threshold: 0.5, exampleCallIds: ['call-4', 'call-3'] },
    ]);
  });

  it('looks only at the latest window and ignores n/a calls', () => {
    const history = calls({ please: 'fail' }, { please: 'fail' }, { please: 'pass' }, { please: 'pass' }, { please: 'n/a' }, { please: 'pass' }, { please: 'fail' });
    expect(findCoachingFlags(history, config)).toEqual([]);
  });

  it('leaves uncertain calls out until a reviewer decides them', () => {
    const history = calls({ please: 'fail' }, { please: 'uncertain' }, { please: 'uncertain' }, { please: 'pass' }, { please: 'fail' });
    expect(findCoachingFlags(history, config)).toEqual([
      { ruleId: 'please', applicableCalls: 3, failedCalls: 2, failureRate: 2 / 3, threshold: 0.5, exampleCallIds: ['call-5', 'call-1'] },
    ]);
  });

  it('needs enough applicable calls before flagging', () => {
    expect(findCoachingFlags(calls({ 'hold-consent': 'fail' }, { 'hold-consent': 'fail' }, {}), config)).toEqual([]);
  });

  it('uses a stricter threshold for the rules the scorecard names', () => {
    const history = calls({ 'hold-consent': 'fail' }, ...Array.from({ length: 4 }, () => ({ 'hold-consent': 'pass' as const })));
    expect(findCoachingFlags(history, config).map((flag) => [flag.ruleId, flag.failureRate, flag.threshold])).toEqual([['hold-consent', 0.2, 0.1]]);
  });
});

describe('summarizeAgent', () => {
  it('gives the mean score, each rule\'s failure rate and the flags over the window', () => {
    const summary = summarizeAgent(calls({ greeting: 'pass', please: 'fail' }, { greeting: 'fail', please: 'fail' }, { greeting: 'pass', please: 'fail' }), config);
    expect(summary.calls).toBe(3);
    expect(summary.meanScore).toBe(79);
    expect(summary.rules).toEqual([
      { ruleId: 'greeting', applicableCalls: 3, failedCalls: 1, failureRate: 1 / 3 },
      { ruleId: 'please', applicableCalls: 3, failedCalls: 3, failureRate: 1 },
    ]);
    expect(summary.flags.map((flag) => flag.ruleId)).toEqual(['please']);
  });
});
