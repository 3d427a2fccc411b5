/**
 * Kinds over the agent's data requests (see `../requests.ts` for what counts as one).
 * `polite-requests` (G2): every request carries a polite marker; n/a without requests.
 * `repeat-requests` (G11): no request asks for an item the agent already asked for or the
 * customer already gave, or asks "again"; passes when there are no requests.
 */
import { utteranceEvidence } from '../evidence.ts';
import { defineRuleKind } from './define-kind.ts';
import { notApplicable, outcomeOf } from './rule-context.ts';

export const politeRequestsKind = defineRuleKind('polite-requests', {}, (_rule, { requests }) => {
  if (requests.length === 0) return notApplicable();
  const impolite = requests.filter((request) => !request.polite).map((request) => [utteranceEvidence(request.indexed)]);
  return outcomeOf(impolite, requests.map((request) => utteranceEvidence(request.indexed)));
});

export const repeatRequestsKind = defineRuleKind('repeat-requests', {}, (_rule, { requests }) => {
  const repeats = requests.flatMap((request) => {
    if (request.repeatOf) return [[utteranceEvidence(request.repeatOf.indexed), utteranceEvidence(request.indexed)]];
    return request.again ? [[utteranceEvidence(request.indexed)]] : [];
  });
  return outcomeOf(repeats, []);
});
