import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-helper.ts';

describe('queue commands without a Redis', () => {
  it.each([['worker'], ['enqueue', 'samples/calls'], ['ingest'], ['jobs']])('callqa %s stops with exit 2, saying how to give one', async (...args) => {
    const outcome = await runCli(args, { CALLQA_REDIS_URL: '' });
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toContain(`callqa: CQA_ERR_CONFIG_INVALID: callqa ${args[0]} works through a Redis queue, and none is set: give --redis`);
  });
});
