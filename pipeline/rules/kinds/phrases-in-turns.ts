/**
 * `phrases-in-turns` (greeting, thanks at the start and the end; G1): the agent's first or
 * last `turnCount` turns must contain, for every group of `requiredLexicons`, a phrase from
 * one of the group's lexicons. n/a when the agent never speaks; uncertain when every missing
 * group is doubtful there (`../uncertainty.ts`). A fail's evidence is the turn where the
 * phrases were expected.
 */
import { Type } from '@sinclair/typebox';
import { utteranceEvidence } from '../evidence.ts';
import { findLexiconHits } from '../lexicon-search.ts';
import { defineRuleKind } from './define-kind.ts';
import { notApplicable, outcomeOf } from './rule-context.ts';
import { doubtAbout } from '../uncertainty.ts';

export const phrasesInTurnsKind = defineRuleKind('phrases-in-turns', {
  turns: Type.Union([Type.Literal('first'), Type.Literal('last')], { description: 'which end of the call: "first" or "last"' }),
  turnCount: Type.Integer({ minimum: 1, maximum: 5, description: 'how many agent turns at that end are searched (1–5)' }),
  requiredLexicons: Type.Array(Type.Array(Type.String({ pattern: '^@?[a-z0-9-]+$' }), { minItems: 1 }), {
    minItems: 1,
    description: 'groups of lexicon names: every group needs a phrase from one of its lexicons, e.g. [["greeting"], ["self-intro", "@proper-noun"]]',
  }),
}, (rule, { pack, text }) => {
  const agentTurns = text.turns.filter((turn) => turn.party === 'agent');
  if (agentTurns.length === 0) return notApplicable();
  const searched = rule.turns === 'first' ? agentTurns.slice(0, rule.turnCount) : agentTurns.slice(-rule.turnCount);
  const utterances = searched.flatMap((turn) => turn.utterances);
  const hitsByGroup = rule.requiredLexicons.map((group) => findLexiconHits(pack, group, utterances));
  const missingGroups = rule.requiredLexicons.filter((_group, index) => hitsByGroup[index]?.length === 0);
  if (missingGroups.length > 0) {
    const doubts = missingGroups.map((group) => doubtAbout(pack, group, utterances));
    const evidence = utterances.map(utteranceEvidence);
    if (doubts.some((doubt) => doubt === null)) return { status: 'fail', count: missingGroups.length, evidence };
    return outcomeOf([], [], doubts.flatMap((doubt) => (doubt ? [{ evidence, reason: doubt.reason }] : [])));
  }
  return { status: 'pass', count: 0, evidence: hitsByGroup.flat().map((hit) => utteranceEvidence(hit.indexed)) };
});
