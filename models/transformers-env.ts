import os from 'node:os';
import path from 'node:path';
import { env, LogLevel } from '@huggingface/transformers';

/**
 * Points transformers.js at local files only: `callqa models pull` is the one place that
 * downloads, so `analyze` never reaches the network. Called before every load; idempotent.
 */
export function configureOfflineTransformers(): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  // The default cache lives inside node_modules; keep anything transformers.js writes out of it.
  env.cacheDir = path.join(os.tmpdir(), 'callqa-transformers-cache');
  env.logLevel = LogLevel.ERROR;
}
