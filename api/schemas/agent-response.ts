/** An agent's response to the evaluation of their call: an acknowledgement, or a dispute and its outcome. */
import { Type, type Static } from '@sinclair/typebox';
import { AgentId, CallId, Comment, Nullable, RuleId, Timestamp, UserName, Uuid } from './common.ts';
import { DecidedRuleStatus } from './review.ts';

export const agentResponseStatuses = ['acknowledged', 'open', 'upheld', 'changed'] as const;

export const AgentResponse = Type.Object({
  response_id: Uuid,
  call_id: CallId,
  agent_id: AgentId,
  user_name: UserName,
  kind: Type.Union([Type.Literal('acknowledge'), Type.Literal('dispute')]),
  rule_id: Nullable(RuleId),
  comment: Nullable(Type.String()),
  created_at: Timestamp,
  status: Type.Union(agentResponseStatuses.map((status) => Type.Literal(status)), {
    description: 'acknowledged; a dispute is open until a reviewer upholds the result or changes it.',
  }),
  resolution_comment: Nullable(Type.String()),
  resolved_by: Nullable(UserName),
  resolved_at: Nullable(Timestamp),
  review_id: Nullable(Uuid),
});
export type AgentResponse = Static<typeof AgentResponse>;

export const AcknowledgementRequest = Type.Object({ comment: Type.Optional(Comment) }, { additionalProperties: false });

export const DisputeRequest = Type.Object({
  comment: Comment,
  rule_id: Type.Optional(RuleId),
}, { additionalProperties: false, description: 'A dispute of one rule\'s verdict (rule_id), or of the score.' });
export type DisputeRequest = Static<typeof DisputeRequest>;

export const ResolutionRequest = Type.Union([
  Type.Object({ outcome: Type.Literal('upheld'), comment: Comment }, { additionalProperties: false }),
  Type.Object({ outcome: Type.Literal('changed'), comment: Comment, status: DecidedRuleStatus }, { additionalProperties: false, description: "A rule dispute: the rule's new verdict." }),
  Type.Object({ outcome: Type.Literal('changed'), comment: Comment, score: Type.Number({ minimum: 0, maximum: 100 }) }, { additionalProperties: false, description: 'A score dispute: the new score.' }),
]);
export type ResolutionRequest = Static<typeof ResolutionRequest>;
