/**
 * `statement-ratio` (you-statements over I-statements; G8): fails when the agent's
 * I-statements exceed `maxIPerYou` times the you-statements (see `../statements.ts` for how
 * clauses are counted). n/a when the agent makes neither. `count` is the number of
 * I-statements; evidence is the utterances holding them (on a pass, the you-statements).
 */
import { Type } from '@sinclair/typebox';
import { utteranceEvidence } from '../evidence.ts';
import { defineRuleKind } from './define-kind.ts';
import { notApplicable } from './rule-context.ts';

export const statementRatioKind = defineRuleKind('statement-ratio', {
  maxIPerYou: Type.Number({ minimum: 0, description: 'the most I-statements allowed per you-statement, e.g. 1' }),
}, (rule, { statements }) => {
  const { i, you } = statements;
  if (i + you === 0) return notApplicable();
  const failed = i > you * rule.maxIPerYou;
  const evidence = (failed ? statements.iEvidence : statements.youEvidence).map(utteranceEvidence);
  return { status: failed ? 'fail' : 'pass', count: i, evidence };
});
