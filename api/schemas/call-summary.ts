/** One call as lists and exports show it: metadata, effective score, failed rules and whether it awaits QA review. */
import { Type, type Static } from '@sinclair/typebox';
import { callDirections, ContactChannel, Language } from '../../pipeline/result/call-result.ts';
import { CallId, Nullable, RuleId, Timestamp } from './common.ts';

export const CallDirectionSchema = Type.Union(callDirections.map((direction) => Type.Literal(direction)));

export const CallSummary = Type.Object({
  call_id: CallId,
  file_name: Type.String(),
  channel: ContactChannel,
  first_analysed_at: Timestamp,
  analysed_at: Timestamp,
  duration_s: Nullable(Type.Number()),
  channels: Nullable(Type.Integer()),
  language: Nullable(Language),
  agent_id: Nullable(Type.String()),
  started_at: Nullable(Type.String({ description: "When the call took place (the contact centre's wall clock, ISO 8601), from the call's metadata or its CDR." })),
  queue: Nullable(Type.String()),
  direction: Nullable(CallDirectionSchema),
  score: Nullable(Type.Number({ description: 'Effective score: the latest reviewer override, else the machine score.' })),
  machine_score: Nullable(Type.Number()),
  score_overridden: Type.Boolean(),
  failed_rules: Type.Array(RuleId, { description: 'Rules that failed, after reviews.' }),
  uncertain_rules: Type.Array(RuleId, { description: 'Rules that could not decide (uncertain) and no reviewer has settled yet.' }),
  needs_review: Type.Boolean({ description: 'The call is in the QA review queue: some rule is uncertain (pipeline/rules/README.md "Verdicts with confidence").' }),
});
export type CallSummary = Static<typeof CallSummary>;
