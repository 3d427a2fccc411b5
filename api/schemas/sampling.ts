/** Review sampling: a policy that picks calls for human review, and the queue items it makes. */
import { CloneType, Type, type Static } from '@sinclair/typebox';
import { Language } from '../../pipeline/result/call-result.ts';
import { CallId, Nullable, RuleId, Timestamp, UserName, Uuid } from './common.ts';

export const samplingPeriods = ['day', 'week', 'month'] as const;

const SamplingPick = Type.Union([
  Type.Object({ kind: Type.Literal('count'), per_agent: Type.Integer({ minimum: 1, maximum: 10_000, description: 'Calls per agent per period.' }) },
    { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('percent'), per_agent: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: "Per cent of each agent's calls per period, rounded up." }) },
    { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('all') }, { additionalProperties: false, description: 'A targeted queue: every matching call.' }),
]);

const Score = (description: string) => Type.Number({ minimum: 0, maximum: 100, description });
const Seconds = (description: string) => Type.Number({ minimum: 0, maximum: 86_400, description });

export const SamplingFilters = Type.Object({
  queue: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  language: Type.Optional(Language),
  min_duration_s: Type.Optional(Seconds('Calls at least this long.')),
  max_duration_s: Type.Optional(Seconds('Calls at most this long.')),
  score_min: Type.Optional(Score('Effective score at least this.')),
  score_max: Type.Optional(Score('Effective score at most this.')),
  failed_rule: Type.Optional(CloneType(RuleId, { description: 'Calls in which this rule failed (after reviews).' })),
  critical_failure: Type.Optional(Type.Boolean({ description: 'true: only calls in which a rule of severity critical failed (after reviews).' })),
}, { additionalProperties: false });
export type SamplingFilters = Static<typeof SamplingFilters>;

export const SamplingPolicyRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  assignee: CloneType(UserName, { description: 'The QA specialist (role qa or admin) whose queue the policy fills.' }),
  pick: SamplingPick,
  period: Type.Union(samplingPeriods.map((period) => Type.Literal(period)), { description: 'The per-agent quota counts per UTC day, ISO week or month of when calls took place.' }),
  filters: Type.Optional(SamplingFilters),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, description: 'Fixes which calls are picked; default: chosen at random and stored.' })),
}, { additionalProperties: false });
export type SamplingPolicyRequest = Static<typeof SamplingPolicyRequest>;

export const SamplingPolicy = Type.Object({
  policy_id: Uuid,
  name: Type.String(),
  assignee: UserName,
  pick: SamplingPick,
  period: Type.Union(samplingPeriods.map((period) => Type.Literal(period))),
  filters: SamplingFilters,
  seed: Type.Integer(),
  created_by: UserName,
  created_at: Timestamp,
});
export type SamplingPolicy = Static<typeof SamplingPolicy>;

export const SamplingRunRequest = Type.Object({
  from: CloneType(Timestamp, { description: 'Calls that took place at or after this instant.' }),
  to: CloneType(Timestamp, { description: 'Calls that took place before this instant.' }),
}, { additionalProperties: false });

export const Selection = Type.Object({
  policy_id: Uuid,
  policy_name: Type.String(),
  sampling_run_id: Uuid,
  seed: Type.Integer(),
  rule: Type.String({ description: 'The pick in words, e.g. "2 calls per agent per week".' }),
  filters: SamplingFilters,
  period_start: Type.String({ description: 'Start of the UTC period the call counted in.' }),
  agent_id: Nullable(Type.String()),
  rank: Type.Integer({ minimum: 1, description: "The call's place in the seeded order of its agent's matching calls in the period." }),
  of: Type.Integer({ minimum: 1, description: 'How many matching calls the agent had in the period.' }),
}, { description: 'How the call was selected, enough to pick it again.' });
export type Selection = Static<typeof Selection>;

export const queueItemStatuses = ['open', 'done'] as const;

export const QueueItem = Type.Object({
  item_id: Uuid,
  call_id: CallId,
  assignee: UserName,
  status: Type.Union(queueItemStatuses.map((status) => Type.Literal(status)), { description: 'done once the assignee reviews the call.' }),
  created_at: Timestamp,
  done_at: Nullable(Timestamp),
  selection: Selection,
  file_name: Type.String(),
  agent_id: Nullable(Type.String()),
  language: Nullable(Language),
  score: Nullable(Type.Number({ description: 'Effective score.' })),
});
export type QueueItem = Static<typeof QueueItem>;

export const SamplingRun = Type.Object({
  sampling_run_id: Uuid,
  policy_id: Uuid,
  calls_matched: Type.Integer({ description: 'Calls that passed the filters in the window.' }),
  calls_already_queued: Type.Integer({ description: 'Picked calls an earlier run of the policy had queued; not queued again.' }),
  items: Type.Array(QueueItem, { description: 'The items this run added.' }),
});
export type SamplingRun = Static<typeof SamplingRun>;
