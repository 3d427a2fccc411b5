/**
 * Per agent and period (UTC day, week or month in which the call took place, else was first analysed): contacts (and how
 * many by voice, chat and e-mail), mean effective score over all of them, and over recorded calls only: talk share from
 * `parties`, holds, dead air and interruptions from `events`, the agent's conversation metrics from the results (talk
 * speed, monologue, raised voice, non-talk), and each
 * rule's failure rate after reviews. Calls without an agent id are left out.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { conversationMetricsSql } from '../../store/export/index.ts';
import type { AgentPeriodStats, periods } from '../schemas/agent-stats.ts';
import { buildFilterSql, callDateSql } from './call-filter-sql.ts';
import { isoTimestampSql, type SqlRunner } from './serialized-db.ts';

export interface AgentStatsQuery {
  period: (typeof periods)[number];
  agent?: string;
  from?: string;
  to?: string;
}

function scopedCallsSql(query: AgentStatsQuery): { sql: string; params: Record<string, DuckDBValue> } {
  const filter = buildFilterSql({ agent: query.agent, from: query.from, to: query.to }, ['c.agent_id IS NOT NULL'], { period: query.period });
  return {
    sql: `scoped AS (SELECT c.call_id, c.agent_id, c.effective_score, c.channel,
        date_trunc($period, ${callDateSql} AT TIME ZONE 'UTC') AS period_start
      FROM effective_calls c ${filter.where})`,
    params: filter.params,
  };
}

const figuresSql = (scoped: string) => `WITH ${scoped},
  talk AS (SELECT p.call_id, sum(p.talk_s) FILTER (WHERE p.party = 'agent') AS agent_talk_s, sum(p.talk_s) AS all_talk_s
    FROM parties p JOIN scoped USING (call_id) GROUP BY p.call_id),
  moments AS (SELECT e.call_id,
      count(*) FILTER (WHERE e.type = 'hold') AS holds, sum(e.end_s - e.start_s) FILTER (WHERE e.type = 'hold') AS hold_s,
      sum(e.end_s - e.start_s) FILTER (WHERE e.type = 'dead_air') AS dead_air_s,
      count(*) FILTER (WHERE e.type = 'interruption' AND e.party = 'agent') AS agent_interruptions,
      count(*) FILTER (WHERE e.type = 'interruption' AND e.party = 'customer') AS customer_interruptions
    FROM events e JOIN scoped USING (call_id) GROUP BY e.call_id),
  conversation AS (SELECT * FROM (${conversationMetricsSql('call_id IN (SELECT call_id FROM scoped)')}) WHERE party = 'agent')
  SELECT s.agent_id, ${isoTimestampSql("(s.period_start AT TIME ZONE 'UTC')")} AS period_start, count(*)::INTEGER AS calls,
    {'voice': count(*) FILTER (s.channel = 'voice'), 'chat': count(*) FILTER (s.channel = 'chat'), 'email': count(*) FILTER (s.channel = 'email')}::STRUCT(voice INTEGER, chat INTEGER, email INTEGER) AS contacts_by_channel,
    avg(s.effective_score) AS mean_score, sum(t.agent_talk_s) / nullif(sum(t.all_talk_s), 0) AS agent_talk_share,
    avg(coalesce(m.hold_s, 0)) FILTER (s.channel = 'voice') AS hold_s_per_call, avg(coalesce(m.holds, 0)) FILTER (s.channel = 'voice') AS holds_per_call,
    avg(coalesce(m.dead_air_s, 0)) FILTER (s.channel = 'voice') AS dead_air_s_per_call,
    avg(coalesce(m.agent_interruptions, 0)) FILTER (s.channel = 'voice') AS agent_interruptions_per_call,
    avg(coalesce(m.customer_interruptions, 0)) FILTER (s.channel = 'voice') AS customer_interruptions_per_call,
    avg(v.words_per_minute) AS agent_words_per_minute, avg(v.too_fast::INTEGER) AS agent_too_fast_share,
    avg(v.longest_monologue_s) AS agent_longest_monologue_s, avg(v.raised_voice_count) AS agent_raised_voice_per_call,
    avg(v.call_non_talk_s) FILTER (s.channel = 'voice') AS non_talk_s_per_call
  FROM scoped s LEFT JOIN talk t USING (call_id) LEFT JOIN moments m USING (call_id) LEFT JOIN conversation v USING (call_id)
  GROUP BY s.agent_id, s.period_start ORDER BY s.agent_id, s.period_start`;

const ruleRatesSql = (scoped: string) => `WITH ${scoped}
  SELECT s.agent_id, ${isoTimestampSql("(s.period_start AT TIME ZONE 'UTC')")} AS period_start, r.rule_id,
    count(*) FILTER (WHERE r.effective_status IN ('pass', 'fail'))::INTEGER AS checked,
    count(*) FILTER (WHERE r.effective_status = 'fail')::INTEGER AS failed
  FROM scoped s JOIN effective_rule_results r USING (call_id)
  GROUP BY s.agent_id, s.period_start, r.rule_id ORDER BY r.rule_id`;

type RuleRateRow = AgentPeriodStats['rules'][number] & { agent_id: string; period_start: string };

/** One row per agent and period, oldest period first. */
export async function loadAgentStats(sql: SqlRunner, query: AgentStatsQuery): Promise<AgentPeriodStats[]> {
  const scoped = scopedCallsSql(query);
  const figures = await sql.all<Omit<AgentPeriodStats, 'rules'>>(figuresSql(scoped.sql), scoped.params);
  const ruleRows = await sql.all<Omit<RuleRateRow, 'failure_rate'>>(ruleRatesSql(scoped.sql), scoped.params);
  const groupKey = (row: { agent_id: string; period_start: string }) => `${row.agent_id}\u0000${row.period_start}`;
  const rulesByGroup = new Map<string, AgentPeriodStats['rules']>();
  for (const { agent_id, period_start, rule_id, checked, failed } of ruleRows) {
    const rules = rulesByGroup.get(groupKey({ agent_id, period_start })) ?? [];
    rules.push({ rule_id, checked, failed, failure_rate: checked === 0 ? null : failed / checked });
    rulesByGroup.set(groupKey({ agent_id, period_start }), rules);
  }
  return figures.map((row) => ({ ...row, rules: rulesByGroup.get(groupKey(row)) ?? [] }));
}
