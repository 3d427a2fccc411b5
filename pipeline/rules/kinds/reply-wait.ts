/**
 * `reply-wait` (written channels: first-response time, and the longest a customer waits for a
 * reply, the written hold; G4 "keep it short"): a customer turn's wait runs from its first
 * message to the agent's next turn. `measure` "first-response" judges the first such wait,
 * "longest-wait" every one; a wait above the channel's `maxWaitS` fails. n/a on a channel the
 * rule gives no limit for (voice: holds are measured as holds), and when no customer turn is
 * answered. Evidence: each failing wait's span, the customer's message and the reply.
 */
import { Type } from '@sinclair/typebox';
import type { Evidence } from '../evidence.ts';
import { utteranceEvidence } from '../evidence.ts';
import { defineRuleKind } from './define-kind.ts';
import { notApplicable, outcomeOf } from './rule-context.ts';

const MaxWait = (channel: string) => Type.Optional(Type.Number({ minimum: 0, description: `the longest wait allowed in a ${channel}, in seconds` }));

function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(0)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(0)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export const replyWaitKind = defineRuleKind('reply-wait', {
  measure: Type.Union([Type.Literal('first-response'), Type.Literal('longest-wait')], { description: '"first-response" (the first customer turn only) or "longest-wait" (every customer turn)' }),
  maxWaitS: Type.Object({ chat: MaxWait('chat'), email: MaxWait('e-mail conversation') }, {
    additionalProperties: false,
    description: 'the limit per written channel, in seconds ({"chat": 60, "email": 86400}); a channel left out is n/a',
  }),
}, (rule, { text, channel }) => {
  const maxWaitS = channel === 'voice' ? undefined : rule.maxWaitS[channel];
  if (maxWaitS === undefined) return notApplicable();
  const waits = text.turns.flatMap((turn, index) => {
    const reply = text.turns[index + 1];
    const asked = turn.utterances[0];
    if (turn.party !== 'customer' || reply?.party !== 'agent' || !asked) return [];
    return [{ asked, answer: reply.utterances[0]!, waitS: reply.start - turn.start }];
  });
  const judged = rule.measure === 'first-response' ? waits.slice(0, 1) : waits;
  if (judged.length === 0) return notApplicable();
  const evidenceOf = ({ asked, answer, waitS }: (typeof waits)[number]): Evidence[] => [
    utteranceEvidence(asked),
    { start: asked.utterance.start, end: answer.utterance.start, party: 'unknown', text: `[wait, ${describeWait(waitS)}]` },
    utteranceEvidence(answer),
  ];
  const failed = judged.filter((wait) => wait.waitS > maxWaitS);
  const longest = judged.reduce((a, b) => (b.waitS > a.waitS ? b : a));
  return outcomeOf(failed.map(evidenceOf), evidenceOf(longest));
});
