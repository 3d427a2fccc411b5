/** Builds web/ into web/dist with Vite, as `npm run build:web` does, so the tests serve the current source. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export async function buildWebApp(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
