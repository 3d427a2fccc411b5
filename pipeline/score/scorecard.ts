/**
 * The scorecard (`scorecard.json`): the cap a failed critical rule puts on a call's score,
 * per-rule weight overrides and extra critical rules, and the coaching thresholds. Loose in,
 * strict out: `loadScorecard` validates the file and returns a frozen `Scorecard`; errors are
 * CQA_ERR_CONFIG_INVALID naming the file, the JSON path and the fix.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CallqaError } from '../../core/errors.ts';
import type { ContentVersion } from '../result/call-result.ts';
import { contentHash } from '../result/content-version.ts';

const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description: `${description}, a share from 0 to 1` });

export const ScorecardSpec = Type.Object({
  $schema: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  label: Type.Optional(Type.String({ minLength: 1, description: 'a name for this version of the scorecard, stored with every result beside its content hash' })),
  criticalCapScore: Type.Number({ minimum: 0, maximum: 100, description: 'the highest score a call with a failed critical rule can get, 0–100' }),
  weights: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 100, description: 'a weight from 0 to 100' }), { description: 'rule id → weight, overriding the rule pack' }),
  criticalRuleIds: Type.Array(Type.String(), { description: 'rule ids treated as critical besides those the pack marks "critical"' }),
  coaching: Type.Object({
    windowCalls: Type.Integer({ minimum: 1, description: "how many of the agent's latest calls are looked at, an integer ≥ 1" }),
    minApplicableCalls: Type.Integer({ minimum: 1, description: 'the fewest calls in which a rule applied before it can be flagged, an integer ≥ 1' }),
    failureRateThreshold: Share('a rule failing in at least this share of the calls it applied to is flagged'),
    failureRateThresholdByRule: Type.Record(Type.String(), Share('the threshold for this rule')),
    maxExampleCalls: Type.Integer({ minimum: 1, maximum: 20, description: 'how many failing call ids a flag cites, 1–20' }),
  }, { additionalProperties: false }),
}, { additionalProperties: false });
export type ScorecardSpec = Static<typeof ScorecardSpec>;
export type Scorecard = Readonly<ScorecardSpec> & {
  /** The file's content hash and label: stored with every result scored by it. */
  readonly version: Readonly<ContentVersion>;
};
export type CoachingConfig = ScorecardSpec['coaching'];

export const defaultScorecardFile = fileURLToPath(new URL('./scorecard.json', import.meta.url));

const toJsonPath = (pointer: string) => (pointer === '' ? '(the whole file)' : pointer.slice(1).replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.'));

/** Validates a scorecard value; `file` names it in errors. */
export function resolveScorecard(value: unknown, file: string): Scorecard {
  const problems = [...Value.Errors(ScorecardSpec, value)].slice(0, 5).map((error) => {
    const hint = typeof error.schema.description === 'string' ? `it should be ${error.schema.description}` : 'see pipeline/rules/README.md, section "Scorecard"';
    return `${file}: ${toJsonPath(error.path)}: ${error.message.toLowerCase()}. Fix: ${hint}.`;
  });
  if (problems.length > 0) throw new CallqaError('CQA_ERR_CONFIG_INVALID', `invalid scorecard: ${problems.join('\n')}`);
  const spec = value as ScorecardSpec;
  // Not enumerable: the version is derived from the spec, so a spread of a scorecard is a spec again and resolves to its own version.
  const version = Object.freeze({ hash: contentHash(spec), label: spec.label ?? null });
  const scorecard = { ...spec, weights: Object.freeze({ ...spec.weights }), criticalRuleIds: Object.freeze([...spec.criticalRuleIds]) as string[], coaching: Object.freeze({ ...spec.coaching }) };
  return Object.freeze(Object.defineProperty(scorecard, 'version', { value: version, enumerable: false })) as Scorecard;
}

/** Reads and validates a scorecard file (default: the shipped `scorecard.json`). */
export async function loadScorecard(file: string = defaultScorecardFile): Promise<Scorecard> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `invalid scorecard: ${file}: ${(error as Error).message}. Fix: give the path of a readable JSON scorecard.`, { cause: error });
  }
  return resolveScorecard(value, file);
}
