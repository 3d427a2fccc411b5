/**
 * Builds the QA web app into web/dist, which the server serves at `/` (api/plugins/app/web-app.ts).
 * `vite web` serves it for development with the API proxied to a running `callqa serve`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 200 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
