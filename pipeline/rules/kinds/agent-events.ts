/**
 * `agent-events` (no interruptions; G3): counts acoustic events of `eventType` caused by the
 * agent and fails when there are more than `maxCount`. n/a when the audio stage did not look
 * for that event type (absent from eventTypesChecked): "not checked" is not "none found".
 * Evidence: the agent utterance that starts inside each event, or the event span.
 */
import { Type } from '@sinclair/typebox';
import { eventEvidence, utteranceEvidence } from '../evidence.ts';
import { defineRuleKind } from './define-kind.ts';
import { notApplicable } from './rule-context.ts';

export const agentEventsKind = defineRuleKind('agent-events', {
  eventType: Type.Union([Type.Literal('interruption'), Type.Literal('backchannel')], { description: 'an event type with a "by" party: "interruption" or "backchannel"' }),
  maxCount: Type.Integer({ minimum: 0, description: 'how many such events the agent may cause before the rule fails (an integer ≥ 0)' }),
}, (rule, { events, eventTypesChecked, text }) => {
  if (!eventTypesChecked.has(rule.eventType)) return notApplicable();
  const caused = events.filter((event) => event.type === rule.eventType && 'by' in event && event.by === 'agent');
  const evidence = caused.map((event) => {
    const speech = text.utterances.find(({ utterance }) => utterance.party === 'agent' && utterance.start >= event.start - 0.5 && utterance.start <= event.end);
    return speech ? utteranceEvidence(speech) : eventEvidence(event);
  });
  return { status: caused.length > rule.maxCount ? 'fail' : 'pass', count: caused.length, evidence };
});
