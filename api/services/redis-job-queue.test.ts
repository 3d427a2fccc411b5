/**
 * The server on BullMQ (`redisUrl` set), on a real redis-server: an upload is analysed by a
 * worker outside the server and stored by the server; a job that uses up its attempts shows
 * as a dead letter, on the job and in the dead-letter list.
 */
import { readFile } from 'node:fs/promises';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { startAnalysisWorker } from '../../queue/analysis-worker.ts';
import { analysisQueueName, openRedisQueues, redisConnection, type RedisQueues } from '../../queue/redis-queues.ts';
import { hasRedisServer, startRedisServer, type RedisServer } from '../../queue/redis-server.test-helper.ts';
import { createApiFixture, type ApiFixture } from '../api-fixture.test-helper.ts';

const sample = new URL('../../samples/calls/en-01-billing-dispute.wav', import.meta.url).pathname;

describe.skipIf(!hasRedisServer)('server queue on Redis', () => {
  let redisDir: TempFolder;
  let redis: RedisServer;
  let queues: RedisQueues;
  let fixture: ApiFixture;
  beforeAll(async () => {
    redisDir = await createTempFolder('callqa-redis-');
    redis = await startRedisServer(redisDir.folder);
    queues = openRedisQueues(redis.url);
    fixture = await createApiFixture({ redisUrl: redis.url });
  });
  afterAll(async () => {
    await fixture?.close();
    await queues?.close();
    await redis?.stop();
    await redisDir?.remove();
  });

  const upload = async (name: string) => (await fixture.app.inject({
    method: 'POST', url: `/api/v1/uploads?filename=${name}&agent_id=agent-9`, payload: await readFile(sample),
    headers: { authorization: `Bearer ${fixture.tokens.qa}`, 'content-type': 'application/octet-stream' },
  })).json<{ job_id: string; status: string }>();

  async function jobWhenSettled(jobId: string): Promise<Record<string, unknown>> {
    for (;;) {
      const job = (await fixture.request('qa', 'GET', `/api/v1/jobs/${jobId}`)).json<Record<string, unknown>>();
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('a job that fails every attempt is a dead letter, on the job and in the list', async () => {
    const queued = await upload('crashes.wav');
    expect(queued.status).toBe('queued');
    // A stand-in for a worker that cannot finish the job (its Redis write keeps failing).
    const failing = new Worker(analysisQueueName, async () => {
      throw new Error('results queue unreachable');
    }, { connection: redisConnection(redis.url) });
    const job = await jobWhenSettled(queued.job_id);
    await failing.close();
    expect(job).toMatchObject({ status: 'error', error: { code: 'CQA_ERR_QUEUE_DEAD_LETTER', message: 'crashes.wav: results queue unreachable' } });
    const letters = (await fixture.request('qa', 'GET', '/api/v1/jobs/dead-letters')).json<{ dead_letters: { jobId: string; source: string; attempts: number }[] }>();
    expect(letters.dead_letters).toEqual([expect.objectContaining({ jobId: queued.job_id, queue: 'analysis', source: 'crashes.wav', attempts: 3 })]);
  }, 60_000);

  it('an upload is analysed by a worker and stored by the server, with the uploader\'s agent', async () => {
    const worker = startAnalysisWorker({ redisUrl: redis.url, queues, config: fixture.analyzeConfig, concurrency: 1, stalledAfterS: 30, effects: silentEffects });
    try {
      const queued = await upload('call.wav');
      const job = await jobWhenSettled(queued.job_id);
      expect(job).toMatchObject({ status: 'ok', error: null });
      const call = (await fixture.request('qa', 'GET', `/api/v1/calls/${String(job.call_id)}`)).json<{ call: { agent_id: string } }>();
      expect(call.call.agent_id).toBe('agent-9');
    } finally {
      await worker.close();
    }
  }, 60_000);
});

it.skipIf(hasRedisServer)('server queue on Redis (skipped: redis-server is not installed; apt-get install redis-server)', () => {});
