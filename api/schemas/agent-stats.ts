/** Per-agent figures per period, and coaching flags. */
import { Type, type Static } from '@sinclair/typebox';
import { ScorecardSpec } from '../../pipeline/score/scorecard.ts';
import { AgentId, Nullable, RuleId, Timestamp } from './common.ts';
const PerCall = (description: string) => Nullable(Type.Number({ minimum: 0, description: `${description} Recorded calls only; null when the period has none.` }));

export const periods = ['day', 'week', 'month'] as const;

export const RuleFailureRate = Type.Object({
  rule_id: RuleId,
  checked: Type.Integer({ description: 'Calls where the rule passed or failed (n/a and uncertain excluded).' }),
  failed: Type.Integer(),
  failure_rate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
});

export const AgentPeriodStats = Type.Object({
  agent_id: AgentId,
  period_start: Timestamp,
  calls: Type.Integer({ description: 'Contacts of every channel.' }),
  contacts_by_channel: Type.Object({ voice: Type.Integer(), chat: Type.Integer(), email: Type.Integer() }, { description: 'Recorded calls and chat and e-mail conversations among them.' }),
  mean_score: Nullable(Type.Number()),
  agent_talk_share: Nullable(Type.Number({ minimum: 0, maximum: 1, description: "Agent's share of all talk time." })),
  hold_s_per_call: PerCall('Seconds on hold per call.'),
  holds_per_call: PerCall('Holds per call.'),
  dead_air_s_per_call: PerCall('Seconds of dead air per call.'),
  agent_interruptions_per_call: PerCall('Times the agent interrupted the customer, per call.'),
  customer_interruptions_per_call: PerCall('Times the customer interrupted the agent, per call.'),
  agent_words_per_minute: Nullable(Type.Number({ minimum: 0, description: "Mean of the agent's words per minute over calls with a transcript (conversation metrics)." })),
  agent_too_fast_share: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Share of calls with a talk-speed verdict in which the agent spoke too fast.' })),
  agent_longest_monologue_s: Nullable(Type.Number({ minimum: 0, description: "Mean of the agent's longest monologue over stereo calls with metrics." })),
  agent_raised_voice_per_call: Nullable(Type.Number({ minimum: 0, description: 'Raised-voice spans of the agent per call with metrics.' })),
  non_talk_s_per_call: Nullable(Type.Number({ minimum: 0, description: 'Non-talk seconds (gaps of 3 s or more, holds included) per call with metrics.' })),
  rules: Type.Array(RuleFailureRate),
});
export type AgentPeriodStats = Static<typeof AgentPeriodStats>;

/** The coaching rule as the scorecard states it (pipeline/score/scorecard.json), after any overrides. */
export const CoachingRule = ScorecardSpec.properties.coaching;

export const CoachingRuleOverrides = Type.Object({
  window_calls: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: "How many of each agent's latest calls to look at." })),
  min_applicable_calls: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Ignore rules that applied in fewer calls.' })),
  failure_rate_threshold: Type.Optional(Type.Number({
    minimum: 0, maximum: 1, description: "Flag at this failure rate or above, for every rule (replaces the scorecard's per-rule thresholds).",
  })),
});
export type CoachingRuleOverrides = Static<typeof CoachingRuleOverrides>;

export const CoachingFlag = Type.Object({
  agent_id: AgentId,
  rule_id: RuleId,
  applicable_calls: Type.Integer({ description: 'Calls in the window where the rule passed or failed.' }),
  failed_calls: Type.Integer(),
  failure_rate: Type.Number({ minimum: 0, maximum: 1 }),
  threshold: Type.Number({ minimum: 0, maximum: 1 }),
  example_call_ids: Type.Array(Type.String(), { description: 'Failing calls, most recent first: where to listen.' }),
});
export type CoachingFlag = Static<typeof CoachingFlag>;
