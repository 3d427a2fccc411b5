/**
 * One call in full: its metadata, the machine's `callqa.call/1` result exactly as analysed
 * (parties, utterances, events, rules with evidence, score), the effective view after
 * reviews, the score's history and the reviews themselves.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CallResult, ContactChannel } from '../../pipeline/result/call-result.ts';
import { CallId, Nullable, RuleId, Timestamp, Uuid } from './common.ts';
import { Review, RuleStatus } from './review.ts';

/** The contract without its `$id`, so it can be embedded in many route schemas. */
export const MachineResult = Type.Object(CallResult.properties, { description: 'The machine result, never changed by reviews.' });

export const CallMetadata = Type.Object({
  call_id: CallId,
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  source: Type.String(),
  file_name: Type.String(),
  channel: ContactChannel,
  size_bytes: Type.Number(),
  duration_s: Nullable(Type.Number()),
  language: Nullable(Type.String()),
  agent_id: Nullable(Type.String()),
  started_at: Nullable(Type.String()),
  queue: Nullable(Type.String()),
  direction: Nullable(Type.String()),
  first_analysed_at: Timestamp,
  analysed_at: Timestamp,
  last_run_id: Type.String(),
});

export const ScoreHistoryEntry = Type.Object({
  score: Nullable(Type.Number()),
  source: Type.Union([Type.Literal('machine'), Type.Literal('review')]),
  run_id: Nullable(Type.String()),
  review_id: Nullable(Uuid),
  created_at: Timestamp,
});

export const EffectiveResult = Type.Object({
  score: Nullable(Type.Number()),
  score_review_id: Nullable(Uuid),
  rules: Type.Array(Type.Object({ rule_id: RuleId, status: RuleStatus, machine_status: RuleStatus, review_id: Nullable(Uuid) })),
});

export const CallDetail = Type.Object({
  call: CallMetadata,
  result: MachineResult,
  effective: EffectiveResult,
  score_history: Type.Array(ScoreHistoryEntry),
  reviews: Type.Array(Review),
});
export type CallDetail = Static<typeof CallDetail>;
