/**
 * The call filters, shared by the list route and the exports so "export what I am looking at"
 * is the same query string. Enumerations come from the call contract.
 */
import { CloneType, Type, type Static } from '@sinclair/typebox';
import { ContactChannel, EventType, Language } from '../../pipeline/result/call-result.ts';
import { CallDirectionSchema } from './call-summary.ts';
import { AgentId, RuleId, Timestamp } from './common.ts';

export const callSortKeys = ['first_analysed_at', 'started_at', 'score', 'duration_s', 'agent_id'] as const;

const Score = (description: string) => Type.Number({ minimum: 0, maximum: 100, description });

export const CallFilters = Type.Object({
  agent: Type.Optional(AgentId),
  from: Type.Optional(CloneType(Timestamp, { description: 'Took place (started_at, else first analysed) at or after (ISO 8601).' })),
  to: Type.Optional(CloneType(Timestamp, { description: 'Took place (started_at, else first analysed) before (ISO 8601).' })),
  queue: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Calls on this queue.' })),
  direction: Type.Optional(CallDirectionSchema),
  channel: Type.Optional(CloneType(ContactChannel, { description: 'Only recorded calls (voice), or only chat or e-mail conversations.' })),
  language: Type.Optional(Language),
  score_min: Type.Optional(Score('Effective score (a reviewer\'s override, else the machine\'s) at least this.')),
  score_max: Type.Optional(Score('Effective score at most this.')),
  failed_rule: Type.Optional(CloneType(RuleId, { description: 'Calls in which this rule failed (after reviews).' })),
  needs_review: Type.Optional(Type.Boolean({ description: 'true: calls in the QA review queue (some rule uncertain, after reviews); false: the others.' })),
  event_type: Type.Optional(CloneType(EventType, { description: 'Calls with at least one event of this type.' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text in any utterance, case-insensitive.' })),
  sort: Type.Optional(Type.Union(callSortKeys.map((key) => Type.Literal(key)), { default: 'first_analysed_at' })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'desc' })),
});
export type CallFilters = Static<typeof CallFilters>;
export type CallSortKey = (typeof callSortKeys)[number];
