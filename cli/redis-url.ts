import { CallqaError } from '../core/errors.ts';
import type { Settings } from '../config/index.ts';

/** The Redis a queue command works through; these commands mean nothing without one. */
export function requireRedisUrl(settings: Pick<Settings, 'redisUrl'>, command: string): string {
  const redisUrl = settings.redisUrl.value;
  if (redisUrl === null) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `callqa ${command} works through a Redis queue, and none is set: give --redis redis://HOST:6379 or set CALLQA_REDIS_URL`);
  }
  return redisUrl;
}
