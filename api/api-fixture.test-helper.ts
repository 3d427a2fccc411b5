/**
 * A running QA server for tests: a real DuckDB file in a temp folder, two analysed calls, one
 * user and token per role, and the app. Tests talk to it through `inject` (or `listen`).
 */
import type { LightMyRequestResponse } from 'fastify';
import { resolveSettings, toAnalyzeConfigSpec } from '../config/index.ts';
import { resolveAnalyzeConfig, type AnalyzeConfig } from '../pipeline/analyze-config.ts';
import { silentEffects } from '../core/effects.ts';
import type { Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { createApp } from './app.ts';
import type { ApiOptionsSpec } from './app-options.ts';
import { roles, type Role } from './roles.ts';
import { createSerializedDb } from './services/serialized-db.ts';
import { issueToken } from './services/tokens.ts';
import type { ApiInstance } from './type-provider.ts';
import { analyzeAndSave, makeSeedRecording, seedFindings } from './seed-calls.test-helper.ts';

/** The agent id of the fixture's agent user: the first seeded call's agent, not the second's. */
export const agentUserAgentId = 'agent-7';

export interface ApiFixture {
  temp: TempFolder;
  store: Store;
  app: ApiInstance;
  tokens: Readonly<Record<Role, string>>;
  /** Call ids of the seeded calls, in seedFindings order. */
  callIds: readonly string[];
  recordingPaths: readonly string[];
  /** How the fixture's calls were analysed and uploads are: speech-to-text off. */
  analyzeConfig: AnalyzeConfig;
  /** An injected request as `role` (or with no token when role is null). */
  request(role: Role | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A fixture over a fresh temp folder; `close()` stops the app, closes the store and removes the folder. */
export async function createApiFixture(options: Partial<Omit<ApiOptionsSpec, 'store'>> = {}): Promise<ApiFixture> {
  const temp = await createTempFolder('callqa-api-');
  const store = await openStore(temp.file('data/callqa.duckdb'));
  const recordingPaths = await Promise.all(seedFindings.map((_, index) => makeSeedRecording(temp.file('recordings'), index)));
  // No models folder: speech-to-text stays off, so tests neither need nor download Whisper.
  const analyzeConfig = await resolveAnalyzeConfig(toAnalyzeConfigSpec(resolveSettings({ flags: { modelsDir: temp.file('no-models') } })), silentEffects);
  const callIds: string[] = [];
  for (const [index, findings] of seedFindings.entries()) callIds.push(await analyzeAndSave(store, recordingPaths[index]!, findings, analyzeConfig));
  const db = createSerializedDb(store);
  const tokens = Object.fromEntries(
    await Promise.all(roles.map(async (role) =>
      [role, await issueToken(db, { userName: `${role}-user`, role, agentId: role === 'agent' ? agentUserAgentId : null }, { label: 'cli' })] as const)),
  ) as Record<Role, string>;
  const app = await createApp({ store, analyzeConfig, ...options });
  return {
    temp, store, app, tokens, callIds, recordingPaths, analyzeConfig,
    request: (role, method, url, payload) =>
      app.inject({ method, url, payload, headers: role === null ? {} : { authorization: `Bearer ${tokens[role]}` } }),
    async close() {
      await app.close();
      store.close();
      await temp.remove();
    },
  };
}
