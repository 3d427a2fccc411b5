/**
 * `event-attributes` (hold consent, hold duration, thanks after a hold, transfer explained;
 * G4, G6): every event of `eventType` must have all `attributes` true, as read from the
 * transcript around it (`../holds.ts`, `../transfers.ts`). n/a when the call has no such
 * event; uncertain when no event fails but an attribute of one is undecided (null: the
 * transcript may hide it, `../uncertainty.ts`). Evidence: each failing (or undecided) event's
 * span and the utterances around it.
 */
import { Type } from '@sinclair/typebox';
import { holdAttributes, transferAttributes } from '../event-review.ts';
import { defineRuleKind } from './define-kind.ts';
import { notApplicable, outcomeOf } from './rule-context.ts';

const attributeNames = [...holdAttributes, ...transferAttributes];

export const eventAttributesKind = defineRuleKind('event-attributes', {
  eventType: Type.Union([Type.Literal('hold'), Type.Literal('transfer')], { description: 'the reviewed event type: "hold" or "transfer"' }),
  attributes: Type.Array(Type.Union(attributeNames.map((name) => Type.Literal(name))), {
    minItems: 1,
    description: `attributes that must all be true, from: ${attributeNames.join(', ')}`,
  }),
}, (rule, { reviews }) => {
  const reviewed = reviews.filter((review) => review.event.type === rule.eventType);
  if (reviewed.length === 0) return notApplicable();
  // An attribute is false when it was not found, null when the transcript may hide it.
  const failed = reviewed.filter((review) => rule.attributes.some((name) => review.attributes[name] === false || review.attributes[name] === undefined));
  const undecided = reviewed.filter((review) => !failed.includes(review) && rule.attributes.some((name) => review.attributes[name] === null))
    .map((review) => ({ evidence: review.evidence, reason: rule.attributes.flatMap((name) => review.doubts[name] ? [`${name}: ${review.doubts[name]}`] : []).join(', ') }));
  return outcomeOf(failed.map((review) => [...review.evidence]), reviewed.flatMap((review) => review.evidence), undecided);
});
