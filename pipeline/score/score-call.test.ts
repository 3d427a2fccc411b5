import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../result/call-result.ts';
import { scoreCall } from './score-call.ts';
import { loadScorecard, resolveScorecard } from './scorecard.ts';

const scorecard = await loadScorecard();
const rule = (id: string, status: RuleResult['status'], weight: number, severity: RuleResult['severity'] = 'minor'): RuleResult =>
  ({ id, status, count: status === 'fail' ? 1 : 0, severity, weight, evidence: [] });

describe('scoreCall', () => {
  it('is the weighted share of passed rules among applicable ones', () => {
    const rules = [rule('greeting', 'pass', 2), rule('please', 'fail', 1), rule('thanks-closing', 'pass', 1), rule('hold-thanks', 'n/a', 5)];
    expect(scoreCall(rules, scorecard)).toEqual({ score: 75, cappedBy: [], needsReview: [] });
  });

  it('caps the score when a critical rule fails', () => {
    const rules = [rule('greeting', 'pass', 10), rule('please', 'pass', 10), rule('hold-consent', 'fail', 3, 'critical')];
    expect(scoreCall(rules, scorecard)).toEqual({ score: 50, cappedBy: ['hold-consent'], needsReview: [] });
  });

  it('leaves a score already under the cap as it is', () => {
    const rules = [rule('greeting', 'fail', 2), rule('hold-consent', 'fail', 3, 'critical'), rule('please', 'pass', 1)];
    expect(scoreCall(rules, scorecard).score).toBe(16.7);
  });

  it('neither counts nor caps an uncertain rule, critical or not, and lists it for review', () => {
    const rules = [rule('greeting', 'pass', 3), rule('please', 'fail', 1), rule('hold-consent', 'uncertain', 3, 'critical'), rule('follow-up', 'uncertain', 5)];
    expect(scoreCall(rules, scorecard)).toEqual({ score: 75, cappedBy: [], needsReview: ['hold-consent', 'follow-up'] });
    expect(scoreCall([rule('hold-consent', 'uncertain', 3, 'critical')], scorecard)).toEqual({ score: null, cappedBy: [], needsReview: ['hold-consent'] });
  });

  it('is null when no rule applied', () => {
    expect(scoreCall([rule('hold-consent', 'n/a', 3, 'critical')], scorecard)).toEqual({ score: null, cappedBy: [], needsReview: [] });
  });

  it('lets the scorecard override weights and add critical rules', () => {
    const custom = resolveScorecard({ ...scorecard, weights: { please: 0 }, criticalRuleIds: ['greeting'], criticalCapScore: 40 }, 'custom.json');
    const rules = [rule('greeting', 'fail', 1), rule('please', 'fail', 1), rule('thanks-closing', 'pass', 3)];
    expect(scoreCall(rules, custom)).toEqual({ score: 40, cappedBy: ['greeting'], needsReview: [] });
  });
});

describe('scorecard file', () => {
  it('names the file, the path and the fix for a bad value', () => {
    expect(() => resolveScorecard({ ...scorecard, criticalCapScore: 150 }, 'scorecard.json'))
      .toThrow(/scorecard\.json: criticalCapScore: expected number to be less or equal to 100\. Fix: it should be the highest score/);
    expect(() => resolveScorecard({ ...scorecard, coaching: { ...scorecard.coaching, failureRateThreshold: '30%' } }, 'scorecard.json'))
      .toThrow(/coaching\.failureRateThreshold: expected number/);
  });
});
