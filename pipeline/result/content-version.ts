/**
 * Versions of the data files that judge a call (rule packs, scorecard): a hash of the parsed
 * JSON, so reformatting a file keeps its version and any change of a phrase, threshold or
 * weight gives a new one.
 */
import { createHash } from 'node:crypto';

/** First 16 hex digits of the sha256 of `value` serialised as JSON. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
