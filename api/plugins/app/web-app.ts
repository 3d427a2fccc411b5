/**
 * The QA web app (web/, built by Vite into web/dist) at `/`. The build is small, so it is read
 * into memory once at start-up: a request can only name a file the build produced, never a path
 * on disk. Hashed files under /assets/ never change and are cached for a year; index.html is
 * revalidated on every load (ETag) so a new build is picked up at once.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply } from 'fastify';
import type { ApiPlugin } from '../../type-provider.ts';

export const defaultWebDistDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * The API's CSP opened just enough for the app: its own scripts, fetches to the API, audio from
 * blob: URLs (the recording is fetched with the token, then played from memory) and inline
 * styles, which wavesurfer.js writes into its shadow root and uPlot sets on its elements.
 */
export const webAppCsp = [
  "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "media-src 'self' blob:", "connect-src 'self' blob:", "font-src 'self'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.json': 'application/json',
};

interface BuiltFile { body: Buffer; contentType: string; etag: string; cacheControl: string }

async function readBuiltFiles(distDir: string): Promise<Map<string, BuiltFile>> {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = new Map<string, BuiltFile>();
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const filePath = path.join(entry.parentPath, entry.name);
    const urlPath = `/${path.relative(distDir, filePath).split(path.sep).join('/')}`;
    const body = await readFile(filePath);
    files.set(urlPath, {
      body,
      contentType: contentTypes[path.extname(entry.name)] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      cacheControl: urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  return files;
}

const pageSchema = { summary: 'The QA web app (static files)', produces: ['text/html'] };

/** Serves the built app; without a build, `/` says how to make one instead of failing the server. */
export const webAppPlugin: ApiPlugin<{ distDir?: string }> = async (app, { distDir = defaultWebDistDir }) => {
  const files = await readBuiltFiles(distDir);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', webAppCsp);
    return payload;
  });
  app.get('/', { config: { access: 'public' }, schema: pageSchema }, async (request, reply) => {
    const index = files.get('/index.html');
    if (!index) return reply.code(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build:web`.\n');
    return sendBuiltFile(index, request.headers['if-none-match'], reply);
  });
  app.get('/assets/*', { config: { access: 'public' }, schema: { ...pageSchema, produces: ['text/javascript', 'text/css'] } }, async (request, reply) => {
    const file = files.get(request.url.split('?')[0]!);
    if (!file) return reply.callNotFound();
    return sendBuiltFile(file, request.headers['if-none-match'], reply);
  });
};

function sendBuiltFile(file: BuiltFile, ifNoneMatch: string | undefined, reply: FastifyReply) {
  reply.header('cache-control', file.cacheControl).header('etag', file.etag);
  if (ifNoneMatch === file.etag) return reply.code(304).send();
  return reply.type(file.contentType).send(file.body);
}
