import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFilesPointingElsewhere, makeToneRecording } from '../../../pipeline/ingest/audio-fixtures.test-helper.ts';
import type { CallDetail } from '../../schemas/call-detail.ts';
import type { Job } from '../../schemas/job.ts';
import { createSerializedDb } from '../../services/serialized-db.ts';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

const uploadLimitBytes = 200_000;

describe('uploads and jobs', () => {
  let fixture: ApiFixture;
  let baseUrl: string;
  const countRows = async (table: string) =>
    (await createSerializedDb(fixture.store).all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0]!.n;
  const uploadedFolders = async () => (await readdir(fixture.temp.file('data/uploads'))).filter((name) => name !== '.incoming');
  const upload = (query: string, payload: Buffer | Readable, headers: Record<string, string> = {}) =>
    fixture.app.inject({
      method: 'POST', url: `/api/v1/uploads?${query}`, payload,
      headers: { authorization: `Bearer ${fixture.tokens.qa}`, 'content-type': 'application/octet-stream', ...headers },
    });

  beforeAll(async () => {
    fixture = await createApiFixture({ uploadLimitBytes });
    baseUrl = await fixture.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => fixture.close());

  it('analyses an upload in the background while list requests keep being answered', async () => {
    const recording = await makeToneRecording(fixture.temp.file('new/hívás 1.wav'), {
      durationS: 10, sampleRateHz: 8000, channelAmplitudes: [0.3, 0.15], codecArgs: ['-c:a', 'pcm_mulaw'],
    });
    const auth = { authorization: `Bearer ${fixture.tokens.supervisor}` };
    const submitted = await fetch(`${baseUrl}/api/v1/uploads?filename=${encodeURIComponent('hívás 1.wav')}&agent_id=agent-3&agent_channel=1`, {
      method: 'POST', headers: { ...auth, 'content-type': 'audio/wav' }, body: await readFile(recording),
    });
    expect(submitted.status).toBe(202);
    const job = (await submitted.json()) as Job;
    expect(job).toMatchObject({ status: 'queued', file_name: 'hívás 1.wav', submitted_by: 'supervisor-user', call_id: null });
    expect(submitted.headers.get('location')).toBe(`/api/v1/jobs/${job.job_id}`);

    let listsAnsweredWhileRunning = 0;
    let status: Job['status'] = job.status;
    while (status === 'queued' || status === 'running') {
      const list = await fetch(`${baseUrl}/api/v1/calls`, { headers: auth });
      expect(list.status).toBe(200);
      status = ((await (await fetch(`${baseUrl}/api/v1/jobs/${job.job_id}`, { headers: auth })).json()) as Job).status;
      if (status === 'running') listsAnsweredWhileRunning++;
    }
    expect(listsAnsweredWhileRunning).toBeGreaterThan(0);

    const finished = (await (await fetch(`${baseUrl}/api/v1/jobs/${job.job_id}`, { headers: auth })).json()) as Job;
    expect(finished).toMatchObject({ status: 'ok', error: null, call_id: job.sha256.slice(0, 16) });
    expect(finished.log.join('\n')).toContain('analysed');
    expect(finished.log.join('\n')).toContain('hívás 1.wav');
    expect(JSON.stringify(finished)).not.toContain(fixture.temp.file(''));
    const detail = (await (await fetch(`${baseUrl}/api/v1/calls/${finished.call_id}`, { headers: auth })).json()) as CallDetail;
    expect(detail.call).toMatchObject({ file_name: 'hívás 1.wav', agent_id: 'agent-3', size_bytes: job.size_bytes });
    expect(detail.result.channel_levels.map((level: { party: string }) => level.party)).toEqual(['customer', 'agent']);
    expect(await uploadedFolders()).toEqual([job.sha256]);
  });

  it('fails the job of a non-audio upload with the ingest error and stores nothing', async () => {
    const callsBefore = await countRows('calls');
    const response = await upload('filename=notes.wav', Buffer.from('these are meeting notes, not a recording\n'.repeat(50)));
    expect(response.statusCode).toBe(202);
    await fixture.app.jobs.whenIdle();
    const job = (await fixture.request('admin', 'GET', `/api/v1/jobs/${response.json().job_id}`)).json();
    expect(job).toMatchObject({ status: 'error', call_id: null, error: { code: 'CQA_ERR_INPUT_NOT_MEDIA' } });
    expect(job.error.message).toContain('notes.wav');
    expect(job.error.message).toMatch(/^notes\.wav: not a readable audio or video file/);
    expect(JSON.stringify(job)).not.toContain(fixture.temp.file(''));
    expect(await countRows('calls')).toBe(callsBefore);
    expect(await uploadedFolders()).not.toContain(job.sha256);
  });

  it('fails the job of a playlist or concatenation script naming local recordings, and stores nothing', async () => {
    const callsBefore = await countRows('calls');
    const { playlist, concatScript } = await makeFilesPointingElsewhere(fixture.temp.file('attacker'), fixture.temp.file('server-files'));
    for (const [file, container] of [[playlist, 'hls'], [concatScript, 'concat']] as const) {
      const fileName = path.basename(file);
      const response = await upload(`filename=${fileName}`, await readFile(file));
      expect(response.statusCode).toBe(202);
      await fixture.app.jobs.whenIdle();
      const job = (await fixture.request('admin', 'GET', `/api/v1/jobs/${response.json().job_id}`)).json();
      expect(job).toMatchObject({ status: 'error', call_id: null, error: { code: 'CQA_ERR_INPUT_CONTAINER_REFUSED' } });
      expect(job.error.message).toContain(`${fileName}: the container "${container}" is refused`);
      expect(await uploadedFolders()).not.toContain(job.sha256);
    }
    expect(await countRows('calls')).toBe(callsBefore);
  });

  it('refuses an oversized upload with 413, before or while reading it, and keeps nothing', async () => {
    const jobsBefore = await countRows('jobs');
    const declared = await upload('filename=big.wav', Buffer.alloc(uploadLimitBytes + 1));
    expect(declared.statusCode).toBe(413);
    expect(declared.json()).toMatchObject({ statusCode: 413, code: 'CQA_ERR_API_PAYLOAD_TOO_LARGE', error: 'Payload Too Large' });
    const streamed = await upload('filename=big.wav', Readable.from([Buffer.alloc(150_000), Buffer.alloc(150_000)]));
    expect(streamed.statusCode).toBe(413);
    const overHttp = await fetch(`${baseUrl}/api/v1/uploads?filename=big.wav`, {
      method: 'POST', body: Buffer.alloc(uploadLimitBytes * 4),
      headers: { authorization: `Bearer ${fixture.tokens.admin}`, 'content-type': 'application/octet-stream' },
    });
    expect(overHttp.status).toBe(413);
    expect(await countRows('jobs')).toBe(jobsBefore);
    expect(await readdir(fixture.temp.file('data/uploads/.incoming'))).toEqual([]);
  });

  it.each(['../../evil.wav', '.hidden.wav', 'a%2Fb.wav', 'a%5Cb.wav', '', 'x%00.wav'])('refuses file name "%s" with 400', async (name) => {
    const foldersBefore = await uploadedFolders();
    const response = await upload(`filename=${name}`, Buffer.from('RIFF'));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('CQA_ERR_API_BAD_REQUEST');
    expect(await uploadedFolders()).toEqual(foldersBefore);
  });

  it('analyses an uploaded e-mail thread as a conversation', async () => {
    const auth = { authorization: `Bearer ${fixture.tokens.qa}` };
    const mbox = await readFile(new URL('../../../samples/conversations/en-email-01-double-charge.mbox', import.meta.url));
    const submitted = await fetch(`${baseUrl}/api/v1/uploads?filename=thread.mbox&agent_id=agent-5`, { method: 'POST', headers: { ...auth, 'content-type': 'application/mbox' }, body: mbox });
    expect(submitted.status).toBe(202);
    const { job_id: jobId } = (await submitted.json()) as Job;
    let job: Job;
    do job = (await (await fetch(`${baseUrl}/api/v1/jobs/${jobId}`, { headers: auth })).json()) as Job;
    while (job.status === 'queued' || job.status === 'running');
    expect(job).toMatchObject({ status: 'ok', error: null });
    const detail = (await (await fetch(`${baseUrl}/api/v1/calls/${job.call_id}`, { headers: auth })).json()) as CallDetail;
    expect([detail.call.channel, detail.call.agent_id, detail.result.container, detail.result.utterances.length]).toEqual(['email', 'agent-5', 'mbox', 4]);
  });

  it('refuses JSON and text bodies with 415, an empty body with 400, and a raw body without ?filename= with 400', async () => {
    const json = await upload('filename=a.wav', Buffer.from('{}'), { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('CQA_ERR_API_UNSUPPORTED_MEDIA_TYPE');
    const text = await upload('filename=a.wav', Buffer.from('hello'), { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    const mixed = await upload('filename=a.wav', Buffer.from('--x\r\n'), { 'content-type': 'multipart/mixed; boundary=x' });
    expect(mixed.statusCode).toBe(415);
    const empty = await upload('filename=a.wav', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('CQA_ERR_INPUT_EMPTY');
    const unnamed = await upload('agent_channel=0', Buffer.from('RIFF'));
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json()).toMatchObject({ code: 'CQA_ERR_API_BAD_REQUEST', message: expect.stringContaining('filename') });
  });

  describe('multipart/form-data', () => {
    const postForm = (form: FormData, query = '', role: 'qa' | 'supervisor' | 'admin' = 'qa') =>
      fetch(`${baseUrl}/api/v1/uploads${query}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${fixture.tokens[role]}` } });
    const formWith = (parts: [string, Blob | string, string?][]) => {
      const form = new FormData();
      for (const [name, value, fileName] of parts) {
        if (typeof value === 'string') form.append(name, value);
        else form.append(name, value, fileName);
      }
      return form;
    };
    const expectNothingKept = async (jobsBefore: number, foldersBefore: string[]) => {
      expect(await countRows('jobs')).toBe(jobsBefore);
      expect(await uploadedFolders()).toEqual(foldersBefore);
      expect(await readdir(fixture.temp.file('data/uploads/.incoming'))).toEqual([]);
    };

    it('analyses a recording sent as a form (file first, fields after) and lists it', async () => {
      const recording = await makeToneRecording(fixture.temp.file('new/form call.wav'), {
        durationS: 8, sampleRateHz: 8000, channelAmplitudes: [0.2, 0.3], codecArgs: ['-c:a', 'pcm_mulaw'],
      });
      const bytes = await readFile(recording);
      const form = formWith([['file', new Blob([bytes], { type: 'audio/wav' }), 'hívás (form) 2.wav'], ['agent_id', 'agent-7'], ['agent_channel', '1']]);
      const submitted = await postForm(form, '', 'supervisor');
      expect(submitted.status).toBe(202);
      const job = (await submitted.json()) as Job;
      expect(job).toMatchObject({ status: 'queued', file_name: 'hívás (form) 2.wav', size_bytes: bytes.length, submitted_by: 'supervisor-user' });
      await fixture.app.jobs.whenIdle();
      const finished = (await fixture.request('qa', 'GET', `/api/v1/jobs/${job.job_id}`)).json() as Job;
      expect(finished).toMatchObject({ status: 'ok', error: null, call_id: job.sha256.slice(0, 16) });
      const list = (await fixture.request('qa', 'GET', '/api/v1/calls?limit=200')).json() as { items: { call_id: string; file_name: string; agent_id: string }[] };
      expect(list.items.find((call) => call.call_id === finished.call_id)).toMatchObject({ file_name: 'hívás (form) 2.wav', agent_id: 'agent-7' });
      const detail = (await fixture.request('qa', 'GET', `/api/v1/calls/${finished.call_id}`)).json() as CallDetail;
      expect(detail.call).toMatchObject({ agent_id: 'agent-7', size_bytes: bytes.length });
      expect(detail.result.channel_levels.map((level: { party: string }) => level.party)).toEqual(['customer', 'agent']);
      expect(await uploadedFolders()).toContain(job.sha256);
      expect(await readdir(fixture.temp.file(`data/uploads/${job.sha256}`))).toEqual(['hívás (form) 2.wav']);
    });

    it('takes ?filename= over the part\'s name, and fails a non-audio file\'s job with the ingest error', async () => {
      const form = formWith([['agent_id', 'agent-8'], ['file', new Blob(['meeting notes, not a recording\n'.repeat(40)]), 'notes.txt']]);
      const submitted = await postForm(form, '?filename=notes.wav');
      expect(submitted.status).toBe(202);
      const job = (await submitted.json()) as Job;
      expect(job.file_name).toBe('notes.wav');
      await fixture.app.jobs.whenIdle();
      const finished = (await fixture.request('qa', 'GET', `/api/v1/jobs/${job.job_id}`)).json();
      expect(finished).toMatchObject({ status: 'error', call_id: null, error: { code: 'CQA_ERR_INPUT_NOT_MEDIA' } });
      expect(await uploadedFolders()).not.toContain(job.sha256);
    });

    it('refuses an oversized file with 413, declared or streamed, and keeps nothing', async () => {
      const jobsBefore = await countRows('jobs');
      const foldersBefore = await uploadedFolders();
      for (const size of [uploadLimitBytes * 4, uploadLimitBytes + 1, uploadLimitBytes + 5000]) {
        const response = await postForm(formWith([['file', new Blob([Buffer.alloc(size, 1)]), 'big.wav'], ['agent_id', 'agent-1']]));
        expect(response.status, `${size} bytes`).toBe(413);
        expect(await response.json()).toMatchObject({ statusCode: 413, code: 'CQA_ERR_API_PAYLOAD_TOO_LARGE', error: 'Payload Too Large' });
      }
      await expectNothingKept(jobsBefore, foldersBefore);
    });

    it('accepts a file of exactly the limit', async () => {
      const response = await postForm(formWith([['file', new Blob([Buffer.alloc(uploadLimitBytes, 7)]), 'exact.wav']]));
      expect(response.status).toBe(202);
      expect(((await response.json()) as Job).size_bytes).toBe(uploadLimitBytes);
      await fixture.app.jobs.whenIdle();
    });

    it('refuses a form without a file field, with two files, or with unknown or bad fields with 400, and keeps nothing', async () => {
      const jobsBefore = await countRows('jobs');
      const foldersBefore = await uploadedFolders();
      const audio = () => new Blob([Buffer.alloc(1000, 3)]);
      const cases: [FormData, string, string?][] = [
        [formWith([['agent_id', 'agent-1']]), 'no "file" part'],
        [new FormData(), 'no "file" part'],
        [formWith([['recording', audio(), 'a.wav']]), 'unexpected file part "recording"'],
        [formWith([['file', audio(), 'a.wav'], ['file', audio(), 'b.wav']]), 'one recording only'],
        [formWith([['file', audio(), 'a.wav'], ['comment', 'hi']]), 'unexpected form field "comment"'],
        [formWith([['file', audio(), 'a.wav'], ['agent_id', '../x']]), 'agent_id'],
        [formWith([['file', audio(), 'a.wav'], ['agent_channel', '2']]), 'agent_channel'],
        [formWith([['file', audio(), '.hidden.wav']]), 'file name'],
        [formWith([['file', audio(), 'a|b.wav']]), 'file name'],
        [formWith([['file', audio(), 'a.wav']]), 'file name', '?filename=..%2Fa.wav'],
      ];
      for (const [form, message, query] of cases) {
        const response = await postForm(form, query);
        expect(response.status, message).toBe(400);
        const body = (await response.json()) as { code: string; message: string };
        expect(body.code, message).toBe('CQA_ERR_API_BAD_REQUEST');
        if (!query) expect(body.message, message).toContain(message);
      }
      const empty = await postForm(formWith([['file', new Blob([]), 'empty.wav']]));
      expect(empty.status).toBe(400);
      expect(((await empty.json()) as { code: string }).code).toBe('CQA_ERR_INPUT_EMPTY');
      const malformed = await upload('filename=a.wav', Buffer.from('--x\r\nnot a part header\r\n'), { 'content-type': 'multipart/form-data; boundary=x' });
      expect(malformed.statusCode).toBe(400);
      const noBoundary = await upload('filename=a.wav', Buffer.from('x'), { 'content-type': 'multipart/form-data' });
      expect(noBoundary.statusCode).toBe(400);
      await expectNothingKept(jobsBefore, foldersBefore);
    });

    it('is documented beside the raw body in the OpenAPI document', async () => {
      const document = (await fixture.app.inject('/docs/openapi.json')).json();
      const content = document.paths['/api/v1/uploads'].post.requestBody.content;
      expect(Object.keys(content)).toEqual(['application/octet-stream', 'multipart/form-data', 'audio/*', 'video/*', 'text/csv', 'message/rfc822', 'application/mbox']);
      expect(content['multipart/form-data'].schema).toMatchObject({ type: 'object', required: ['file'], properties: { file: { format: 'binary' } } });
    });

    it('admits the uploader roles only', async () => {
      const response = await fetch(`${baseUrl}/api/v1/uploads`, {
        method: 'POST', body: formWith([['file', new Blob(['x']), 'a.wav']]), headers: { authorization: `Bearer ${fixture.tokens.trainer}` },
      });
      expect(response.status).toBe(403);
    });
  });

  it('answers 404 for an unknown job and 400 for a malformed job id', async () => {
    expect((await fixture.request('qa', 'GET', '/api/v1/jobs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await fixture.request('qa', 'GET', '/api/v1/jobs/..%2F..')).statusCode).toBe(400);
  });
});
