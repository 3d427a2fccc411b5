import { execFile } from 'node:child_process';
import { rename, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';
import { readStoredZip } from '../../read-zip.test-helper.ts';

const run = promisify(execFile);

describe('example library', () => {
  let fixture: ApiFixture;
  let exampleId: string;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('lets a trainer tag a span, with the transcript lines it overlaps', async () => {
    const response = await fixture.request('trainer', 'POST', `/api/v1/calls/${fixture.callIds[0]}/examples`, {
      start_s: 1, end_s: 2, label: 'bad', guidance_ref: 'G7', note: 'Interrupts the customer mid-sentence.',
    });
    expect(response.statusCode).toBe(201);
    const example = response.json();
    exampleId = example.example_id;
    expect(example).toMatchObject({ call_id: fixture.callIds[0], label: 'bad', guidance_ref: 'G7', created_by: 'trainer-user' });
    expect(example.transcript.map((line: { text: string }) => line.text)).toEqual([
      'Good morning, Acme billing, this is Dana.', 'I was charged twice for roaming.',
    ]);
    expect((await fixture.request('qa', 'GET', `/api/v1/examples/${exampleId}`)).json()).toEqual(example);
  });

  it('lists examples with filters', async () => {
    const list = async (query: string) =>
      (await fixture.request('supervisor', 'GET', `/api/v1/examples?${query}`)).json().map((example: { example_id: string }) => example.example_id);
    expect(await list('')).toEqual([exampleId]);
    expect(await list('label=bad&guidance_ref=G7')).toEqual([exampleId]);
    expect(await list('label=good')).toEqual([]);
    expect(await list(`call_id=${fixture.callIds[1]}`)).toEqual([]);
  });

  it('exports the clip as a ZIP: the cut audio, its transcript and the record', async () => {
    const response = await fixture.request('qa', 'GET', `/api/v1/examples/${exampleId}/clip`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="example-G7-bad-[0-9a-f]{8}\.zip"$/);
    const entries = readStoredZip(response.rawPayload);
    expect([...entries.keys()]).toEqual(['clip.mp3', 'transcript.txt', 'example.json']);
    const clipPath = fixture.temp.file('clip.mp3');
    await writeFile(clipPath, entries.get('clip.mp3')!);
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', clipPath]);
    expect(Math.abs(Number(stdout) - 1)).toBeLessThan(0.1); // MP3 frames pad the end by a few ms
    expect(entries.get('transcript.txt')!.toString()).toContain('[00:01.6–00:02.6] customer: I was charged twice for roaming.');
    expect(JSON.parse(entries.get('example.json')!.toString())).toMatchObject({ example_id: exampleId, start_s: 1, end_s: 2 });
  });

  it.each([
    [{ start_s: 2, end_s: 1 }, 422, 'ends before it starts'],
    [{ start_s: 3, end_s: 9 }, 422, 'ends after the call'],
    [{ guidance_ref: 'G15' }, 400, 'guidance_ref'],
    [{ label: 'fine' }, 400, 'label'],
    [{ note: '' }, 400, 'note'],
    [{ start_s: -1 }, 400, 'start_s'],
  ])('refuses %j with %i and stores nothing', async (change, status, mention) => {
    const body = { start_s: 0, end_s: 1, label: 'good', guidance_ref: 'G1', note: 'n', ...change };
    const response = await fixture.request('trainer', 'POST', `/api/v1/calls/${fixture.callIds[0]}/examples`, body);
    expect(response.statusCode).toBe(status);
    expect(response.json().message).toContain(mention);
    expect((await fixture.request('trainer', 'GET', '/api/v1/examples')).json()).toHaveLength(1);
  });

  it('answers 404 for an unknown call or example, and for a clip whose recording is gone', async () => {
    const body = { start_s: 0, end_s: 1, label: 'good', guidance_ref: 'G1', note: 'n' };
    expect((await fixture.request('trainer', 'POST', '/api/v1/calls/ffffffffffffffff/examples', body)).statusCode).toBe(404);
    expect((await fixture.request('qa', 'GET', '/api/v1/examples/00000000-0000-4000-8000-000000000000/clip')).statusCode).toBe(404);
    expect((await fixture.request('qa', 'GET', '/api/v1/examples/..%2F..%2Fetc%2Fpasswd/clip')).statusCode).toBe(400);
    const recording = fixture.recordingPaths[0]!;
    await rename(recording, `${recording}.away`);
    const gone = await fixture.request('qa', 'GET', `/api/v1/examples/${exampleId}/clip`);
    await rename(`${recording}.away`, recording);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('CQA_ERR_API_RECORDING_MISSING');
  });

  it('lets a trainer remove an example', async () => {
    expect((await fixture.request('trainer', 'DELETE', `/api/v1/examples/${exampleId}`)).statusCode).toBe(204);
    expect((await fixture.request('trainer', 'DELETE', `/api/v1/examples/${exampleId}`)).statusCode).toBe(404);
    expect((await fixture.request('trainer', 'GET', `/api/v1/examples/${exampleId}`)).statusCode).toBe(404);
  });
});
