/**
 * `short-answers` (one-word answers; G7): when a customer turn ends with a question, the
 * first agent utterance after it (backchannels aside) must be longer than `maxWords` words:
 * "Maybe." followed by a transfer is still a one-word answer. Passes when the customer asks
 * nothing. Evidence: each question and its short answer.
 */
import { Type } from '@sinclair/typebox';
import { utteranceEvidence } from '../evidence.ts';
import { defineRuleKind } from './define-kind.ts';
import { outcomeOf } from './rule-context.ts';

export const shortAnswersKind = defineRuleKind('short-answers', {
  maxWords: Type.Integer({ minimum: 1, maximum: 10, description: 'an answer of this many words or fewer is too short (1–10)' }),
}, (rule, { text }) => {
  const failed = text.turns.flatMap((turn, index) => {
    const next = text.turns[index + 1];
    const answer = next?.party === 'agent' ? next.utterances[0] : undefined;
    const asking = turn.utterances.at(-1);
    if (turn.party !== 'customer' || !asking?.sentences.at(-1)?.isQuestion || !answer || answer.wordCount > rule.maxWords) return [];
    return [[utteranceEvidence(asking), utteranceEvidence(answer)]];
  });
  return outcomeOf(failed, []);
});
