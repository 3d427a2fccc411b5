import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { createApiFixture, type ApiFixture } from '../api-fixture.test-helper.ts';
import { createJobQueue } from './job-queue.ts';
import { createSerializedDb } from './serialized-db.ts';

describe('job queue', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture({ queueLimit: 1 });
  });
  afterAll(() => fixture.close());

  it('refuses an upload with 503 while the queue holds its maximum, and takes it once idle', async () => {
    const upload = (payload: Buffer = Buffer.from('not audio, refused in a moment')) => fixture.app.inject({
      method: 'POST', url: '/api/v1/uploads?filename=a.wav', payload,
      headers: { authorization: `Bearer ${fixture.tokens.qa}`, 'content-type': 'application/octet-stream' },
    });
    // A real recording keeps the first job busy (its analysis takes a second) while the second arrives.
    expect((await upload(await readFile(fixture.recordingPaths[0]!))).statusCode).toBe(202);
    const refused = await upload();
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: 'CQA_ERR_API_QUEUE_FULL', error: 'Service Unavailable' });
    await fixture.app.jobs.whenIdle();
    expect((await upload()).statusCode).toBe(202);
    await fixture.app.jobs.whenIdle();
  });

  it('on start, marks a job cut off by a stop abandoned and runs the queued ones', async () => {
    const db = createSerializedDb(fixture.store);
    const storedPath = fixture.temp.file('data/uploads/resumed/call.wav');
    await mkdir(fixture.temp.file('data/uploads/resumed'), { recursive: true });
    await copyFile(fixture.recordingPaths[1]!, storedPath);
    for (const [jobId, status] of [['00000000-0000-4000-8000-000000000001', 'running'], ['00000000-0000-4000-8000-000000000002', 'queued']] as const) {
      await db.run(
        `INSERT INTO jobs (job_id, status, file_name, stored_path, sha256, size_bytes, options, submitted_by, created_at)
         VALUES ($1, $2, 'call.wav', $3, $4, 1, '{"agentChannel": 0, "agentId": "agent-5"}', 'qa-user', now())`,
        [jobId, status, storedPath, 'f'.repeat(64)],
      );
    }
    const queue = await createJobQueue(db, { limit: 5, analyzeConfig: fixture.analyzeConfig, uploadsDir: fixture.temp.file('data/uploads'), effects: silentEffects });
    await queue.whenIdle();
    expect((await queue.find('00000000-0000-4000-8000-000000000001'))?.status).toBe('abandoned');
    const resumed = await queue.find('00000000-0000-4000-8000-000000000002');
    expect(resumed).toMatchObject({ status: 'ok', call_id: fixture.callIds[1] });
    const [call] = await db.all<{ agent_id: string }>('SELECT agent_id FROM calls WHERE call_id = $1', [fixture.callIds[1]!]);
    expect(call?.agent_id).toBe('agent-5');
  });
});
