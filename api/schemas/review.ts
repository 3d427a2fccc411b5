/** A QA review: an override of one rule result or of the score, with who, when and why. */
import { CloneType, Type, type Static } from '@sinclair/typebox';
import { decidedRuleStatuses, ruleStatuses } from '../../pipeline/result/call-result.ts';
import { Selection } from './sampling.ts';
import { CallId, Comment, RuleId, Timestamp, UserName, Uuid } from './common.ts';

export const RuleStatus = Type.Union(ruleStatuses.map((status) => Type.Literal(status)));
export const DecidedRuleStatus = Type.Union(decidedRuleStatuses.map((status) => Type.Literal(status)), { description: 'A review decides: uncertain is not a status to set.' });
const ScoreValue = Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]);

export const ReviewRequest = Type.Union([
  Type.Object({ target: Type.Literal('rule'), rule_id: RuleId, status: DecidedRuleStatus, comment: Comment }, { additionalProperties: false }),
  Type.Object({ target: Type.Literal('score'), score: Type.Number({ minimum: 0, maximum: 100 }), comment: Comment }, { additionalProperties: false }),
]);
export type ReviewRequest = Static<typeof ReviewRequest>;

export const ReviewedValue = Type.Union([Type.Object({ status: RuleStatus }), Type.Object({ score: ScoreValue })]);

export const Review = Type.Object({
  review_id: Uuid,
  call_id: CallId,
  target: Type.Union([Type.Literal('rule'), Type.Literal('score')]),
  rule_id: Type.Union([RuleId, Type.Null()]),
  before: Type.Union([ReviewedValue, Type.Null()], { description: 'The effective value just before this review.' }),
  after: ReviewedValue,
  comment: Type.Union([Type.String(), Type.Null()]),
  reviewer: CloneType(UserName, { description: 'The user whose token made the review.' }),
  token_issued_by: Type.Union([UserName, Type.Null()], {
    description: 'The admin who minted that token for the reviewer, when it was not the reviewer or the database\'s operator: who may have acted.',
  }),
  created_at: Timestamp,
  selection: Type.Union([Selection, Type.Null()], { description: 'How the call came to be reviewed, when the review completed a sampling queue item.' }),
});
export type Review = Static<typeof Review>;
