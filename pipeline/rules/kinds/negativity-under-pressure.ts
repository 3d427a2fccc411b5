/**
 * `negativity-under-pressure` (calm with an angry caller; G13): applies once the customer is
 * negative (model sentiment, or a phrase from `customerNegativeLexicons`); fails for every
 * agent utterance from then on that is negative (model sentiment, or a phrase from
 * `agentNegativeLexicons`). n/a when the customer is never negative. The sentiment source is
 * reported beside the rules (`sentimentSource`).
 */
import { Type } from '@sinclair/typebox';
import { utteranceEvidence } from '../evidence.ts';
import { defineRuleKind } from './define-kind.ts';
import { notApplicable, outcomeOf } from './rule-context.ts';

const Names = (description: string) => Type.Array(Type.String({ pattern: '^[a-z0-9-]+$' }), { minItems: 1, description });

export const negativityUnderPressureKind = defineRuleKind('negativity-under-pressure', {
  customerNegativeLexicons: Names('lexicon names of angry or upset customer wording (used without model sentiment)'),
  agentNegativeLexicons: Names('lexicon names of sharp, dismissive or arguing agent wording (used without model sentiment)'),
}, (rule, { text, sentiment }) => {
  const spoken = text.utterances.filter((indexed) => !indexed.isBackchannel);
  const firstUpset = spoken.find((indexed) => indexed.utterance.party === 'customer' && sentiment.isNegative(indexed, rule.customerNegativeLexicons));
  if (!firstUpset) return notApplicable();
  const sharp = spoken.filter((indexed) => indexed.utterance.party === 'agent' && indexed.utterance.start >= firstUpset.utterance.start
    && sentiment.isNegative(indexed, rule.agentNegativeLexicons));
  return outcomeOf(sharp.map((indexed) => [utteranceEvidence(indexed)]), [utteranceEvidence(firstUpset)]);
});
