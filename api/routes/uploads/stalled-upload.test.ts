/**
 * Uploads whose body never completes, sent over a raw socket: the server answers within its
 * idle timeout (or at once when the client gives up), and nothing stays in uploads/.incoming.
 */
import { readdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

const uploadIdleTimeoutMs = 400;
const boundary = 'callqa-boundary';
const partialForm = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n${'RIFF'.repeat(2000)}`;

interface RawAnswer {
  statusLine: string;
  body: string;
  elapsedMs: number;
}

describe('an upload whose body never completes', () => {
  let fixture: ApiFixture;
  let port: number;
  beforeAll(async () => {
    fixture = await createApiFixture({ uploadIdleTimeoutMs });
    port = Number(new URL(await fixture.app.listen({ host: '127.0.0.1', port: 0 })).port);
  });
  afterAll(() => fixture.close());

  /** Sends headers declaring 1 MB and part of the body, then stalls or half-closes; resolves when the server closes. */
  const sendPartial = (contentType: string, body: string, then: 'stall' | 'end') =>
    new Promise<RawAnswer>((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => { answer += chunk; });
      socket.on('error', reject);
      socket.on('close', () => {
        const [head = '', rest = ''] = answer.split('\r\n\r\n');
        resolve({ statusLine: head.split('\r\n')[0] ?? '', body: rest, elapsedMs: Date.now() - started });
      });
      socket.write(`POST /api/v1/uploads?filename=a.wav HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${fixture.tokens.qa}\r\n`
        + `Content-Type: ${contentType}\r\nContent-Length: 1000000\r\n\r\n${body}`);
      if (then === 'end') socket.end();
    });
  const incoming = () => readdir(fixture.temp.file('data/uploads/.incoming'));

  it.each([
    ['a multipart form stalled in its file part', `multipart/form-data; boundary=${boundary}`, partialForm],
    ['a multipart form stalled before its first part', `multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disp`],
    ['a raw body', 'application/octet-stream', 'RIFF'.repeat(2000)],
  ])('%s is answered 408 after the idle timeout and its partial file removed', async (_name, contentType, body) => {
    const answer = await sendPartial(contentType, body, 'stall');
    expect(answer.statusLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(JSON.parse(answer.body)).toMatchObject({
      statusCode: 408, code: 'CQA_ERR_API_REQUEST_TIMEOUT', error: 'Request Timeout', message: expect.stringContaining('no bytes for 0.4 s'),
    });
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(uploadIdleTimeoutMs - 50);
    expect(answer.elapsedMs).toBeLessThan(2 * uploadIdleTimeoutMs + 5000);
    expect(await incoming()).toEqual([]);
  });

  it.each([
    ['a multipart form', `multipart/form-data; boundary=${boundary}`, partialForm],
    ['a raw body', 'application/octet-stream', 'RIFF'.repeat(2000)],
  ])('%s cut short by the client is answered with a catalogue 400 and leaves nothing behind', async (_name, contentType, body) => {
    const answer = await sendPartial(contentType, body, 'end');
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 400, code: 'CQA_ERR_API_BAD_REQUEST', message: expect.stringContaining('before it was complete') });
    expect(answer.elapsedMs).toBeLessThan(uploadIdleTimeoutMs);
    // The handler's stream sees the close after the client does; it removes the file at once.
    await expect.poll(incoming, { timeout: 2000 }).toEqual([]);
  });

  it('keeps answering other requests afterwards', async () => {
    const response = await fixture.request('qa', 'GET', '/api/v1/calls');
    expect(response.statusCode).toBe(200);
  });
});
