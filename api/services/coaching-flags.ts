/**
 * Coaching flags over the database: each agent's latest calls, with rule statuses after QA
 * reviews (a failure a reviewer corrected flags no one), judged by the pipeline's own
 * `findCoachingFlags` and the scorecard's coaching rule, so the server and any batch report
 * flag the same agents. A request may override the window and thresholds.
 */
import type { RuleResult } from '../../pipeline/result/call-result.ts';
import { findCoachingFlags, type AgentCall, type CoachingConfig } from '../../pipeline/score/index.ts';
import type { CoachingFlag, CoachingRuleOverrides } from '../schemas/agent-stats.ts';
import { callDateSql } from './call-filter-sql.ts';
import type { SqlRunner } from './serialized-db.ts';

/** The scorecard's rule with a request's overrides; an explicit threshold applies to every rule. */
export function resolveCoachingRule(base: CoachingConfig, overrides: CoachingRuleOverrides): CoachingConfig {
  return {
    ...base,
    windowCalls: overrides.window_calls ?? base.windowCalls,
    minApplicableCalls: overrides.min_applicable_calls ?? base.minApplicableCalls,
    failureRateThreshold: overrides.failure_rate_threshold ?? base.failureRateThreshold,
    failureRateThresholdByRule: overrides.failure_rate_threshold === undefined ? base.failureRateThresholdByRule : {},
  };
}

interface WindowRow {
  agent_id: string;
  call_id: string;
  score: number | null;
  rule_id: string | null;
  status: RuleResult['status'] | null;
  count: number | null;
}

/** Each agent's latest calls, oldest first, as the pipeline's AgentCall. */
async function loadAgentWindows(sql: SqlRunner, windowCalls: number): Promise<Map<string, AgentCall[]>> {
  const rows = await sql.all<WindowRow>(
    `WITH recent AS (
        SELECT call_id, agent_id, effective_score, ${callDateSql} AS took_place_at,
          row_number() OVER (PARTITION BY agent_id ORDER BY ${callDateSql} DESC, call_id DESC) AS recency
        FROM effective_calls c WHERE agent_id IS NOT NULL QUALIFY recency <= $window_calls)
     SELECT c.agent_id, c.call_id, c.effective_score AS score, r.rule_id, r.effective_status AS status, r.count
     FROM recent c LEFT JOIN effective_rule_results r USING (call_id)
     ORDER BY c.agent_id, c.took_place_at, c.call_id, r.rule_id`,
    { window_calls: windowCalls },
  );
  const windows = new Map<string, AgentCall[]>();
  for (const row of rows) {
    const calls = windows.get(row.agent_id) ?? [];
    windows.set(row.agent_id, calls);
    let call = calls.at(-1);
    if (call?.callId !== row.call_id) calls.push((call = { callId: row.call_id, score: row.score, rules: [] }));
    if (row.rule_id !== null && row.status !== null) {
      (call.rules as RuleResult[]).push({ id: row.rule_id, status: row.status, count: row.count ?? 0, evidence: [] });
    }
  }
  return windows;
}

/** Flags of every agent, highest failure rate first. */
export async function findAgentCoachingFlags(sql: SqlRunner, rule: CoachingConfig): Promise<CoachingFlag[]> {
  const windows = await loadAgentWindows(sql, rule.windowCalls);
  return [...windows]
    .flatMap(([agentId, calls]) =>
      findCoachingFlags(calls, rule).map((flag) => ({
        agent_id: agentId, rule_id: flag.ruleId, applicable_calls: flag.applicableCalls, failed_calls: flag.failedCalls,
        failure_rate: flag.failureRate, threshold: flag.threshold, example_call_ids: flag.exampleCallIds,
      })),
    )
    .sort((a, b) => b.failure_rate - a.failure_rate || a.agent_id.localeCompare(b.agent_id) || a.rule_id.localeCompare(b.rule_id));
}
