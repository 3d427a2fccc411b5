/**
 * Rule-pack validation errors as CallqaError CQA_ERR_CONFIG_INVALID: each names the file, the
 * JSON path and the fix, e.g. `packs/hu.json: lexicons.hold-ask[2]: "tart*," is not a word …
 * Fix: …`. Up to five problems are listed at once so one edit fixes most of a broken file.
 */
import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { CallqaError } from '../../core/errors.ts';

const maxListed = 5;

export interface PackProblem {
  /** JSON pointer inside the file, e.g. "/rules/greeting/weight". */
  pointer: string;
  problem: string;
  fix: string;
}

/** "/rules/greeting/weight" → "rules.greeting.weight"; "/x/2" → "x[2]". */
export function toJsonPath(pointer: string): string {
  if (pointer === '') return '(the whole file)';
  return pointer.slice(1).split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function fixFor(error: ValueError): string {
  const { schema } = error;
  if (error.type === ValueErrorType.ObjectAdditionalProperties) {
    const known = Object.keys((schema as { properties?: Record<string, unknown> }).properties ?? {});
    return `remove it or correct its spelling${known.length > 0 ? `; allowed here: ${known.join(', ')}` : ''}`;
  }
  const choices = (schema as { anyOf?: { const?: unknown }[] }).anyOf?.map((option) => option.const).filter((value) => value !== undefined);
  const described = typeof schema.description === 'string' ? schema.description : null;
  const expected = choices && choices.length > 0 ? `one of: ${choices.map((value) => JSON.stringify(value)).join(', ')}` : described;
  if (error.type === ValueErrorType.ObjectRequiredProperty) return `add it${expected ? `, ${expected}` : ''}`;
  if (choices && choices.length > 0) return `use ${expected}`;
  return expected ? `it should be ${expected}` : 'see pipeline/rules/README.md for the pack format';
}

/** The schema problems of `value`, most specific first, deduplicated by path. */
export function schemaProblems(schema: TSchema, value: unknown, pointerPrefix = ''): PackProblem[] {
  const seen = new Set<string>();
  const problems: PackProblem[] = [];
  for (const error of Value.Errors(schema, value)) {
    const pointer = `${pointerPrefix}${error.path}`;
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const shown = error.value === undefined ? '' : ` (found ${JSON.stringify(error.value)?.slice(0, 60)})`;
    problems.push({ pointer, problem: `${error.message.toLowerCase()}${shown}`, fix: fixFor(error) });
  }
  return problems;
}

/** One CallqaError listing the first problems of a pack file. */
export function packError(file: string, problems: readonly PackProblem[]): CallqaError {
  const lines = problems.slice(0, maxListed).map(({ pointer, problem, fix }) => `${file}: ${toJsonPath(pointer)}: ${problem}. Fix: ${fix}.`);
  const more = problems.length > maxListed ? `\n(and ${problems.length - maxListed} more problems in the same file)` : '';
  return new CallqaError('CQA_ERR_CONFIG_INVALID', `invalid rule pack: ${lines.join('\n')}${more}`);
}
