import { execFile } from 'node:child_process';
import { readdir, rename, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

const run = promisify(execFile);

describe('call audio route', () => {
  let fixture: ApiFixture;
  let whole: Buffer;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('transcodes the recording once to stereo MP3 and serves it whole', async () => {
    const response = await fixture.request('qa', 'GET', `/api/v1/calls/${fixture.callIds[0]}/audio`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('audio/mpeg');
    expect(response.headers['accept-ranges']).toBe('bytes');
    whole = response.rawPayload;
    expect(Number(response.headers['content-length'])).toBe(whole.length);
    const probePath = fixture.temp.file('served.mp3');
    await writeFile(probePath, whole);
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,channels:format=duration', '-of', 'json', probePath]);
    const probe = JSON.parse(stdout);
    expect(probe.streams[0]).toMatchObject({ codec_name: 'mp3', channels: 2 });
    expect(Number(probe.format.duration)).toBeCloseTo(4, 0);
    expect(await readdir(fixture.temp.file('data/cache/audio'))).toHaveLength(1);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=100-', 100, -1],
    ['bytes=-50', -50, -1],
  ])('answers Range %s with 206 and Content-Range', async (range, start, end) => {
    const response = await fixture.app.inject({
      url: `/api/v1/calls/${fixture.callIds[0]}/audio`, headers: { authorization: `Bearer ${fixture.tokens.qa}`, range },
    });
    const from = start < 0 ? whole.length + start : start;
    const to = end < 0 ? whole.length - 1 : end;
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes ${from}-${to}/${whole.length}`);
    expect(response.rawPayload.equals(whole.subarray(from, to + 1))).toBe(true);
  });

  it('answers a range beyond the file with 416 and the size', async () => {
    const response = await fixture.app.inject({
      url: `/api/v1/calls/${fixture.callIds[0]}/audio`,
      headers: { authorization: `Bearer ${fixture.tokens.trainer}`, range: `bytes=${whole.length}-` },
    });
    expect(response.statusCode).toBe(416);
    expect(response.headers['content-range']).toBe(`bytes */${whole.length}`);
    expect(response.json().code).toBe('CQA_ERR_API_RANGE_NOT_SATISFIABLE');
  });

  it('refuses traversal through the call id before touching the filesystem', async () => {
    for (const id of ['..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e', '0123456789abcde%00']) {
      const response = await fixture.request('qa', 'GET', `/api/v1/calls/${id}/audio`);
      expect([400, 404]).toContain(response.statusCode);
      expect(response.headers['content-type']).toContain('application/json');
    }
  });

  it('answers 404 with the path when the recording is gone, and serves again once it is back', async () => {
    const [callId] = fixture.callIds.slice(1);
    const recording = fixture.recordingPaths[1]!;
    await rename(recording, `${recording}.moved`);
    const missing = await fixture.request('qa', 'GET', `/api/v1/calls/${callId}/audio`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'CQA_ERR_API_RECORDING_MISSING' });
    expect(missing.json().message).toContain(recording);
    await writeFile(recording, 'not the same bytes');
    const changed = await fixture.request('qa', 'GET', `/api/v1/calls/${callId}/audio`);
    expect(changed.json().message).toContain('has changed');
    await rename(`${recording}.moved`, recording);
    expect((await fixture.request('qa', 'GET', `/api/v1/calls/${callId}/audio`)).statusCode).toBe(200);
  });
});
