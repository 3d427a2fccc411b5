/**
 * A rule kind: the parameters a pack gives it (a TypeBox schema, so a bad pack fails at load
 * with the field's path) and the code that evaluates it over one call.
 */
import type { Static, TObject, TSchema } from '@sinclair/typebox';
import { ruleSchemaOf } from '../pack-schema.ts';
import type { RuleContext, RuleOutcome } from './rule-context.ts';

export interface RuleKind {
  name: string;
  /** The whole rule entry: the common fields plus this kind's parameters. */
  schema: TObject;
  evaluate(rule: Readonly<Record<string, unknown>>, context: RuleContext): RuleOutcome;
}

export function defineRuleKind<P extends Record<string, TSchema>>(
  name: string,
  parameters: P,
  evaluate: (rule: Static<ReturnType<typeof ruleSchemaOf<P>>>, context: RuleContext) => RuleOutcome,
): RuleKind {
  const schema = ruleSchemaOf(parameters);
  // The loader checked every rule entry against `schema` before it reaches here.
  return { name, schema, evaluate: (rule, context) => evaluate(rule as Static<typeof schema>, context) };
}
