/**
 * The call score: the weighted share of passed rules among the decided ones (pass or fail;
 * n/a and uncertain rules do not count), as 0–100 with one decimal. A failed critical rule caps
 * the score at `criticalCapScore`: a call that put the caller on hold without consent is not a
 * good call however polite the rest was. An uncertain rule neither counts nor caps: a missed
 * hold request in a garbled transcript must not halve the score; the call goes to the QA
 * review queue instead (`needsReview`), and a reviewer's verdict settles it. A rule's weight and criticality come from its
 * result (the rule pack) unless the scorecard overrides them.
 */
import type { RuleResult } from '../result/call-result.ts';
import type { Scorecard } from './scorecard.ts';

export interface CallScore {
  /** null when no rule applied (or all applicable rules weigh 0). */
  score: number | null;
  /** Failed critical rules that capped the score (empty when none). */
  cappedBy: string[];
  /** Uncertain rules: the call needs a QA reviewer's verdict on them (empty when none). */
  needsReview: string[];
}

export const weightOf = (rule: RuleResult, scorecard: Scorecard): number => scorecard.weights[rule.id] ?? rule.weight ?? 1;
export const isCritical = (rule: RuleResult, scorecard: Scorecard): boolean => rule.severity === 'critical' || scorecard.criticalRuleIds.includes(rule.id);

/** Scores one call's rule results. */
export function scoreCall(rules: readonly RuleResult[], scorecard: Scorecard): CallScore {
  const needsReview = rules.filter((rule) => rule.status === 'uncertain').map((rule) => rule.id);
  const applicable = rules.filter((rule) => rule.status === 'pass' || rule.status === 'fail');
  const totalWeight = applicable.reduce((sum, rule) => sum + weightOf(rule, scorecard), 0);
  if (totalWeight === 0) return { score: null, cappedBy: [], needsReview };
  const passedWeight = applicable.filter((rule) => rule.status === 'pass').reduce((sum, rule) => sum + weightOf(rule, scorecard), 0);
  const share = Math.round((1000 * passedWeight) / totalWeight) / 10;
  const cappedBy = applicable.filter((rule) => rule.status === 'fail' && isCritical(rule, scorecard)).map((rule) => rule.id);
  return { score: cappedBy.length > 0 ? Math.min(share, scorecard.criticalCapScore) : share, cappedBy, needsReview };
}
