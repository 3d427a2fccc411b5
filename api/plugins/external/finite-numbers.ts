/**
 * No request number may be infinite. Ajv's coercion turns the query value `1e999` or
 * `Infinity` into Infinity and then skips `minimum`/`maximum` for it (they test finite numbers
 * only), and JSON.parse reads `1e999` as Infinity too; such a value would reach SQL or the
 * response serialiser and answer 500. One hook after validation refuses them all, naming the field.
 */
import { CallqaError } from '../../../core/errors.ts';
import { sharedPlugin } from '../shared-plugin.ts';

/** The path of the first non-finite number in a validated query or body, if any. */
function findNonFinite(value: unknown, path: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  // Plain data only, not a body stream; Fastify's query objects inherit from a bare `Empty` prototype.
  const prototype: unknown = Object.getPrototypeOf(value);
  const isPlain = Array.isArray(value) || prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null;
  if (!isPlain) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findNonFinite(item, `${path}/${key}`);
    if (found) return found;
  }
  return undefined;
}

export const finiteNumbersPlugin = sharedPlugin('callqa-finite-numbers', async (app) => {
  app.addHook('preHandler', async (request) => {
    const field = findNonFinite(request.query, 'querystring') ?? findNonFinite(request.body, 'body');
    if (field) {
      throw new CallqaError('CQA_ERR_API_BAD_REQUEST', `invalid request: ${field} must be a finite number within its documented range`);
    }
  });
});
