/**
 * The scale-out acceptance test, on a real redis-server: two `callqa worker` processes and a
 * `callqa ingest` writer; one worker is SIGKILLed mid-job and Redis is restarted mid-batch.
 * Every call must be stored exactly once, with the result `callqa analyze` gives the same
 * files, and a damaged recording must fail once without taking its worker down.
 */
import { copyFile, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import type { StartedCli } from '../core/child-output.test-helper.ts';
import { queryDb, runCli, startCli } from '../cli/run-cli.test-helper.ts';
import { hasRedisServer, startRedisServer, type RedisServer } from './redis-server.test-helper.ts';

const samplesDir = path.resolve(new URL('../samples/calls', import.meta.url).pathname);
const sampleNames = ['en-01-billing-dispute', 'en-02-delivery-delay', 'ru-01-billing-dispute', 'ru-02-delivery-delay', 'hu-01-billing-dispute', 'hu-02-delivery-delay'];

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a child has written to stderr so far. */
function stderrOf(started: StartedCli): () => string {
  let text = '';
  started.child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

/** Jobs whose analysis a worker began, in order (the ingest stage logs the codec first). */
const begunJobs = (log: string) => [...log.matchAll(/^job (\S+): \S+: \S+ in \w+, \d+ Hz/gm)].map((match) => match[1]!);

describe.skipIf(!hasRedisServer)('scale-out through BullMQ on a real redis-server', () => {
  let temp: TempFolder;
  let redis: RedisServer;
  const children: StartedCli[] = [];

  beforeAll(async () => {
    temp = await createTempFolder('callqa-queue-');
    redis = await startRedisServer(temp.folder);
  });
  afterAll(async () => {
    for (const { child } of children) child.kill('SIGKILL');
    await redis?.stop();
    await temp?.remove();
  });

  it('two workers, one killed mid-job, Redis restarted: every call stored once, as `callqa analyze` stores it', { timeout: 240_000 }, async () => {
    const recordings = sampleNames.map((name) => path.join(samplesDir, `${name}.wav`));
    const poison = temp.file('poison.wav'); // a WAV cut short: its header promises more than the file holds
    await copyFile(path.join(samplesDir, 'en-03-tariff-change.wav'), poison);
    await truncate(poison, Math.floor((await stat(poison)).size / 3));
    const inputs = [...recordings, poison];
    const env = { CALLQA_REDIS_URL: redis.url, CALLQA_MODELS_DIR: temp.file('no-models') };

    const workerArgs = ['worker', '--concurrency', '1', '--stalled-after-s', '4'];
    const [doomed, survivor] = [startCli(workerArgs, env), startCli(workerArgs, env)];
    const writer = startCli(['ingest', '--db', temp.file('queued.duckdb')], env);
    children.push(doomed, survivor, writer);
    const [doomedLog, survivorLog, writerLog] = [stderrOf(doomed), stderrOf(survivor), stderrOf(writer)];
    await waitFor('the workers and the writer', () =>
      doomedLog().includes('worker ready') && survivorLog().includes('worker ready') && writerLog().includes('storing results'));

    const enqueue = startCli(['enqueue', ...inputs], env);
    children.push(enqueue);
    await waitFor('the first worker to begin its second job', () => begunJobs(doomedLog()).length >= 2);
    doomed.child.kill('SIGKILL');
    const killedJob = begunJobs(doomedLog()).at(-1)!;
    await redis.restart();

    const enqueued = await enqueue.done;
    expect(enqueued.exitCode, enqueued.stderr).toBe(1); // the damaged file failed
    expect(enqueued.stderr).toMatch(/^\[7\/7\] stored · \d+x real time · ETA 0:00$/m);
    expect(enqueued.stderr).toMatch(/^error CQA_ERR_INPUT_TRUNCATED: .*poison\.wav/m);
    expect(enqueued.stderr).toContain('6 of 7 stored');
    expect(survivor.child.exitCode).toBeNull(); // the damaged file did not take it down
    expect(begunJobs(survivorLog())).toContain(killedJob); // the killed worker's job went to the other

    const jobs = await runCli(['jobs', '--json'], env);
    expect(JSON.parse(jobs.stdout)).toMatchObject({
      analysis: { waiting: 0, active: 0, completed: inputs.length, failed: 0 }, results: { completed: inputs.length }, deadLetters: [],
    });

    writer.child.kill('SIGTERM');
    expect((await writer.done).exitCode).toBe(0);
    survivor.child.kill('SIGTERM');
    expect((await survivor.done).exitCode).toBe(0);

    const direct = await runCli(['analyze', ...recordings, '--db', temp.file('direct.duckdb')], env);
    expect(direct.exitCode, direct.stderr).toBe(0);
    const storedCalls = (dbPath: string) =>
      queryDb(dbPath, 'SELECT call_id, result_json FROM calls ORDER BY call_id').then((rows) => rows.map((row) => ({ ...row, result_json: JSON.parse(String(row.result_json)) })));
    const queued = await storedCalls(temp.file('queued.duckdb'));
    expect(queued).toHaveLength(recordings.length);
    expect(queued).toEqual(await storedCalls(temp.file('direct.duckdb')));

    // Exactly once: one run per recording and one machine score per call, whatever was delivered twice.
    const runs = await queryDb(temp.file('queued.duckdb'), 'SELECT status, error_code, count(*)::INTEGER AS runs FROM analysis_runs GROUP BY ALL ORDER BY status');
    expect(runs).toEqual([{ status: 'error', error_code: 'CQA_ERR_INPUT_TRUNCATED', runs: 1 }, { status: 'ok', error_code: null, runs: recordings.length }]);
    const scores = await queryDb(temp.file('queued.duckdb'), 'SELECT count(*)::INTEGER AS n, count(DISTINCT call_id)::INTEGER AS calls FROM score_history');
    expect(scores).toEqual([{ n: recordings.length, calls: recordings.length }]);
  });
});

it.skipIf(hasRedisServer)('scale-out through BullMQ (skipped: redis-server is not installed; apt-get install redis-server)', () => {});
