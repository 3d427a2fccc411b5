/**
 * A local stand-in for the Hugging Face Hub on 127.0.0.1: `/<repo>/resolve/<revision>/<path>`
 * serves files and `/api/models/<repo>/tree/<revision>` lists them with their git blob id and
 * the sha256 of the large ones, as the real tree API does for LFS files.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeHub {
  baseUrl: string;
  close(): void;
}

export interface FakeHubOptions {
  repo: string;
  revision: string;
  files: Record<string, Buffer>;
  /** A file served with damaged bytes while the tree lists the true checksum. */
  damagedPath?: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** What git names a file's content; the tree API's `oid` (for an LFS file, the blob of its pointer, never compared). */
const gitBlobId = (bytes: Buffer) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

export function startFakeHub(options: FakeHubOptions): Promise<FakeHub> {
  const { repo, revision, files } = options;
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '';
    if (url.startsWith(`/api/models/${repo}/tree/${revision}`)) {
      const tree = Object.entries(files).map(([filePath, bytes]) => ({
        type: 'file', path: filePath, size: bytes.length, oid: gitBlobId(bytes),
        ...(filePath.endsWith('.onnx') ? { lfs: { oid: sha256(bytes), size: bytes.length } } : {}),
      }));
      response.end(JSON.stringify(tree));
      return;
    }
    const filePath = url.replace(`/${repo}/resolve/${revision}/`, '');
    const bytes = files[filePath];
    if (!bytes) {
      response.writeHead(404).end();
      return;
    }
    response.end(filePath === options.damagedPath ? Buffer.from(bytes).fill(0, 0, 10) : bytes);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() });
    }),
  );
}
