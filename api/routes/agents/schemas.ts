import { CloneType, Type } from '@sinclair/typebox';
import { AgentPeriodStats, CoachingFlag, CoachingRule, CoachingRuleOverrides, periods } from '../../schemas/agent-stats.ts';
import { AgentId, Timestamp, withErrors } from '../../schemas/common.ts';

export const agentStatsSchema = {
  summary: 'Per agent and period: calls, score, talk share, holds, dead air, interruptions, rule failure rates',
  tags: ['agents'],
  querystring: Type.Object({
    period: Type.Union(periods.map((period) => Type.Literal(period)), { default: 'week', description: 'UTC calendar period.' }),
    agent: Type.Optional(AgentId),
    from: Type.Optional(CloneType(Timestamp, { description: 'First analysed at or after.' })),
    to: Type.Optional(CloneType(Timestamp, { description: 'First analysed before.' })),
  }),
  response: withErrors({ 200: Type.Array(AgentPeriodStats) }),
};

export const coachingFlagsSchema = {
  summary: "Agents whose failure rate on a rule, over their latest calls, reaches the scorecard's threshold",
  description: 'Parameters left out take the scorecard\'s coaching values (pipeline/score/scorecard.json); the answer states the rule applied.',
  tags: ['agents'],
  querystring: CoachingRuleOverrides,
  response: withErrors({ 200: Type.Object({ rule: CoachingRule, flags: Type.Array(CoachingFlag) }) }),
};
