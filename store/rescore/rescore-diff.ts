/**
 * What a rescore changed for one call: its score and each rule verdict, before and after.
 * Evidence and counts may move without a verdict changing; the diff names verdicts only, as a
 * QA specialist reads them.
 */
import type { OkCallResult } from '../../pipeline/result/build-result.ts';
import type { RuleResult } from '../../pipeline/result/call-result.ts';

export type RuleStatus = RuleResult['status'];

export interface VerdictChange {
  rule_id: string;
  /** null when the rule was not in the result (a rule added to, or removed from, the pack). */
  before: RuleStatus | null;
  after: RuleStatus | null;
}

export interface CallChange {
  call_id: string;
  score_before: number | null;
  score_after: number | null;
  rules: VerdictChange[];
}

/** The call's change, or null when neither its score nor any verdict changed. */
export function compareVerdicts(before: OkCallResult, after: OkCallResult): CallChange | null {
  const statusBefore = new Map(before.rules.map((rule) => [rule.id, rule.status]));
  const statusAfter = new Map(after.rules.map((rule) => [rule.id, rule.status]));
  const ruleIds = [...new Set([...statusAfter.keys(), ...statusBefore.keys()])];
  const rules = ruleIds
    .map((ruleId) => ({ rule_id: ruleId, before: statusBefore.get(ruleId) ?? null, after: statusAfter.get(ruleId) ?? null }))
    .filter((change) => change.before !== change.after);
  if (rules.length === 0 && before.score === after.score) return null;
  return { call_id: after.call_id, score_before: before.score, score_after: after.score, rules };
}
