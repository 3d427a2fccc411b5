/**
 * `phrase-if-triggered` (delay reason, alternative offered, follow-up; G5, G10, G12): when a
 * trigger occurs — an utterance of `triggerParty` with a phrase from `triggerLexicons`, or an
 * event of `triggerEventTypes` — the agent must say a phrase from `requiredLexicons`:
 * anywhere in the call (`scope: "call"`), or per trigger within the trigger utterance and
 * the agent's next `withinAgentUtterances - 1` utterances (`scope: "after-trigger"`), where an
 * `afterTriggerLexicons` phrase also answers when it follows the trigger phrase. n/a
 * without a trigger. A fail's evidence is the trigger(s) left unanswered.
 */
import { Type } from '@sinclair/typebox';
import type { IndexedUtterance } from '../call-text.ts';
import { eventEvidence, utteranceEvidence, type Evidence } from '../evidence.ts';
import { findLexiconHits, findLexicons, findsAfter } from '../lexicon-search.ts';
import { defineRuleKind } from './define-kind.ts';
import { notApplicable, outcomeOf } from './rule-context.ts';

const Names = (description: string) => Type.Array(Type.String({ pattern: '^[a-z0-9-]+$' }), { description });

export const phraseIfTriggeredKind = defineRuleKind('phrase-if-triggered', {
  triggerLexicons: Names('lexicon names whose phrases make the rule apply'),
  triggerParty: Type.Union([Type.Literal('agent'), Type.Literal('customer'), Type.Literal('any')], { description: 'whose speech triggers: "agent", "customer" or "any"' }),
  triggerEventTypes: Type.Array(Type.Union([Type.Literal('hold'), Type.Literal('transfer'), Type.Literal('dead_air')]), { description: 'event types that make the rule apply, e.g. ["hold"]' }),
  requiredLexicons: Type.Array(Type.String({ pattern: '^[a-z0-9-]+$' }), { minItems: 1, description: 'lexicon names: the agent must say a phrase from one of them' }),
  scope: Type.Union([Type.Literal('call'), Type.Literal('after-trigger')], { description: 'where the required phrase may come: "call" or "after-trigger"' }),
  afterTriggerLexicons: Type.Optional(Names('with scope "after-trigger": lexicons that answer only after the trigger — later in the trigger utterance or in the next ones (an offer after "I can\'t…")')),
  withinAgentUtterances: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'with scope "after-trigger": how many agent utterances from the trigger on are searched (1–10, default 1)' })),
}, (rule, { pack, text, events }) => {
  const spoken = text.utterances.filter((indexed) => !indexed.isBackchannel);
  const agentSpeech = spoken.filter(({ utterance }) => utterance.party === 'agent');
  const triggerSpeech = spoken.filter(({ utterance }) => rule.triggerParty === 'any' || utterance.party === rule.triggerParty);
  const triggers: { start: number; evidence: Evidence; indexed: IndexedUtterance | null }[] = [
    ...findLexiconHits(pack, rule.triggerLexicons, triggerSpeech).map((hit) => ({ start: hit.indexed.utterance.start, evidence: utteranceEvidence(hit.indexed), indexed: hit.indexed })),
    ...events.filter((event) => (rule.triggerEventTypes as readonly string[]).includes(event.type))
      .map((event) => ({ start: event.start, evidence: eventEvidence(event), indexed: null })),
  ];
  if (triggers.length === 0) return notApplicable();
  if (rule.scope === 'call') {
    const answers = findLexiconHits(pack, rule.requiredLexicons, agentSpeech);
    return outcomeOf(answers.length > 0 ? [] : [triggers.map((trigger) => trigger.evidence)], answers.map((hit) => utteranceEvidence(hit.indexed)));
  }
  const answered: Evidence[] = [];
  const unanswered = triggers.flatMap((trigger) => {
    const window = agentSpeech.filter(({ utterance }) => utterance.start >= trigger.start).slice(0, rule.withinAgentUtterances ?? 1);
    const after = rule.afterTriggerLexicons ?? [];
    const answer = window.find((agent) => findLexicons(pack, rule.requiredLexicons, agent)
      || (after.length > 0 && (agent === trigger.indexed ? findsAfter(pack, rule.triggerLexicons, after, agent) : findLexicons(pack, after, agent))));
    if (answer) answered.push(utteranceEvidence(answer));
    return answer ? [] : [[trigger.evidence]];
  });
  return outcomeOf(unanswered, answered);
});
