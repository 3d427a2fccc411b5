import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { downloadFile } from './download.ts';
import type { ProgressSink } from './progress.ts';

const payload = randomBytes(3 * 1024 * 1024);
const payloadSha256 = createHash('sha256').update(payload).digest('hex');

/** Serves `payload` with Range support; `/flaky` drops the connection half-way on its first request. */
function startServer(): Promise<{ server: Server; baseUrl: string; rangeRequests: string[] }> {
  const rangeRequests: string[] = [];
  let flakyServed = false;
  const server = createServer((request, response) => {
    const range = /bytes=(\d+)-/.exec(request.headers.range ?? '');
    if (range) rangeRequests.push(request.headers.range!);
    const start = range ? Number(range[1]) : 0;
    const body = payload.subarray(start);
    response.writeHead(range ? 206 : 200, { 'content-length': body.length, 'accept-ranges': 'bytes' });
    if (request.url === '/flaky' && !flakyServed) {
      flakyServed = true;
      response.write(body.subarray(0, 1024 * 1024), () => response.socket?.destroy());
      return;
    }
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, rangeRequests });
  }));
}

const quiet: ProgressSink = { draw: () => {} };

describe('model download', () => {
  let temp: TempFolder;
  let server: Server;
  let baseUrl: string;
  let rangeRequests: string[];
  beforeAll(async () => {
    temp = await createTempFolder();
    ({ server, baseUrl, rangeRequests } = await startServer());
  });
  afterAll(async () => {
    server.close();
    await temp.remove();
  });

  it('resumes an interrupted download with a Range request and installs the verified file', async () => {
    const destPath = temp.file('model/encoder.onnx');
    const spec = { url: `${baseUrl}/flaky`, destPath, sizeBytes: payload.length, sha256: payloadSha256 };
    await expect(downloadFile(spec, quiet)).rejects.toMatchObject({ code: 'CQA_ERR_MODEL_INVALID' });
    const partialBytes = (await stat(`${destPath}.part`)).size;
    expect(partialBytes).toBeGreaterThan(0);
    expect(partialBytes).toBeLessThanOrEqual(1024 * 1024);
    await expect(stat(destPath)).rejects.toThrow();

    const lines: string[] = [];
    const downloaded = await downloadFile(spec, { draw: (line, final) => final && lines.push(line) });
    expect(downloaded.resumedFromBytes).toBe(partialBytes);
    expect(rangeRequests).toContain(`bytes=${partialBytes}-`);
    expect(downloaded.sha256).toBe(payloadSha256);
    expect(Buffer.compare(await readFile(destPath), payload)).toBe(0);
    expect(lines.at(-1)).toMatch(/^encoder\.onnx \[#{24}\] 100% 3\.1 MB\/3\.1 MB /);
  });

  it('rejects a file whose checksum differs and leaves nothing installed', async () => {
    const destPath = temp.file('bad/decoder.onnx');
    const spec = { url: `${baseUrl}/file`, destPath, sizeBytes: payload.length, sha256: '0'.repeat(64) };
    await expect(downloadFile(spec, quiet)).rejects.toThrow(/sha256/);
    await expect(stat(destPath)).rejects.toThrow();
    await expect(stat(`${destPath}.part`)).rejects.toThrow();
  });

  it('starts over when a corrupt partial file makes the checksum fail, then succeeds', async () => {
    const destPath = temp.file('corrupt-part/model.onnx');
    await downloadFile({ url: `${baseUrl}/file`, destPath: temp.file('corrupt-part/seed'), sizeBytes: null, sha256: null }, quiet);
    await writeFile(`${destPath}.part`, randomBytes(1000));
    const spec = { url: `${baseUrl}/file`, destPath, sizeBytes: payload.length, sha256: payloadSha256 };
    await expect(downloadFile(spec, quiet)).rejects.toThrow(/partial file was removed/);
    expect((await downloadFile(spec, quiet)).sha256).toBe(payloadSha256);
  });
});
