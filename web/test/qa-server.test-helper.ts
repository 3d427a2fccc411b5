/**
 * A real QA server for the browser tests, on a temp database: either sample calls analysed by
 * the CLI (`callqa analyze … --db`) or N synthetic calls, served by createApp on a free port.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolveSettings, toAnalyzeConfigSpec } from '../../config/index.ts';
import { createApp } from '../../api/app.ts';
import { createSerializedDb } from '../../api/services/serialized-db.ts';
import { issueToken } from '../../api/services/tokens.ts';
import { insertSyntheticCalls } from '../../api/synthetic-calls.test-helper.ts';
import { resolveAnalyzeConfig } from '../../pipeline/analyze-config.ts';
import { silentEffects } from '../../core/effects.ts';
import { openStore, type Store } from '../../store/index.ts';
import { createTempFolder } from '../../core/temp-folder.test-helper.ts';

export interface QaServer {
  url: string;
  adminToken: string;
  /** A trainer's token: the role that builds the example library. */
  trainerToken: string;
  store: Store;
  close(): Promise<void>;
}

const repositoryRoot = new URL('../../', import.meta.url);

/** Analyses `recordings` (paths under the repository) with the CLI, then prepares the store with `prepare`. */
export async function analysedCallsServer(recordings: readonly string[], prepare: (store: Store) => Promise<void>): Promise<QaServer> {
  return startServer(async (databasePath) => {
    await promisify(execFile)('./bin/callqa.js', ['analyze', ...recordings, '--db', databasePath], { cwd: repositoryRoot });
    const store = await openStore(databasePath);
    await prepare(store);
    return store;
  });
}

export async function syntheticCallsServer(count: number): Promise<QaServer> {
  return startServer(async (databasePath) => {
    const store = await openStore(databasePath);
    await insertSyntheticCalls(store, count);
    return store;
  });
}

async function startServer(openPrepared: (databasePath: string) => Promise<Store>): Promise<QaServer> {
  const temp = await createTempFolder('callqa-web-');
  const store = await openPrepared(temp.file('callqa.duckdb'));
  const tokenDb = createSerializedDb(store);
  const adminToken = await issueToken(tokenDb, { userName: 'qa-lead', role: 'admin' }, { label: 'cli' });
  const trainerToken = await issueToken(tokenDb, { userName: 'coach-anna', role: 'trainer' }, { label: 'cli' });
  // No models folder: uploads would be analysed without speech-to-text; the tests upload nothing.
  const analyzeConfig = await resolveAnalyzeConfig(toAnalyzeConfigSpec(resolveSettings({ flags: { modelsDir: temp.file('no-models') } })), silentEffects);
  const app = await createApp({ store, analyzeConfig, cacheDir: temp.file('cache') });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url, adminToken, trainerToken, store,
    async close() {
      await app.close();
      store.close();
      await temp.remove();
    },
  };
}
