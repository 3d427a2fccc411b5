/**
 * `phrase-absent` (no disagreement, no evaluative wording; G9): fails for every agent
 * utterance with a phrase from `forbiddenLexicons`. Evidence: those utterances.
 */
import { Type } from '@sinclair/typebox';
import { utteranceEvidence } from '../evidence.ts';
import { findLexiconHits } from '../lexicon-search.ts';
import { defineRuleKind } from './define-kind.ts';
import { outcomeOf } from './rule-context.ts';

export const phraseAbsentKind = defineRuleKind('phrase-absent', {
  forbiddenLexicons: Type.Array(Type.String({ pattern: '^[a-z0-9-]+$' }), { minItems: 1, description: 'lexicon names whose phrases the agent must not say' }),
}, (rule, { pack, text }) => {
  const agentSpeech = text.utterances.filter(({ utterance, isBackchannel }) => utterance.party === 'agent' && !isBackchannel);
  const hits = findLexiconHits(pack, rule.forbiddenLexicons, agentSpeech);
  return outcomeOf(hits.map((hit) => [utteranceEvidence(hit.indexed)]), []);
});
