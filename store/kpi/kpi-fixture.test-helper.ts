/** A fresh store in a temp folder, with helpers to write hand-made calls, events and CSV files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../index.ts';

export interface TempStore {
  store: Store;
  folder: string;
  writeFile(name: string, text: string): string;
  cleanup(): void;
}

export async function createTempStore(): Promise<TempStore> {
  const folder = mkdtempSync(path.join(tmpdir(), 'callqa-kpi-'));
  const store = await openStore(path.join(folder, 'callqa.duckdb'));
  return {
    store,
    folder,
    writeFile: (name, text) => {
      const filePath = path.join(folder, name);
      writeFileSync(filePath, text);
      return filePath;
    },
    cleanup: () => {
      store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface HandMadeCall {
  callId: string;
  fileName: string;
  agentId: string | null;
  durationS: number;
  score: number;
  /** Wall-clock start, as metadata gives it; none by default. */
  startedAt?: string;
}

/** Inserts the columns KPIs read; the rest get placeholders. sha256 is the call id repeated. */
export async function insertCalls(store: Store, calls: readonly HandMadeCall[]): Promise<void> {
  for (const call of calls) {
    await store.connection.run(
      `INSERT INTO calls (call_id, sha256, source, file_name, size_bytes, duration_s, agent_id, score, result_json, started_at, last_run_id, first_analysed_at, analysed_at)
       VALUES ($1, repeat($1, 4), $2, $2, 0, $3, $4, $5, '{}', $6::TIMESTAMP, 'run', TIMESTAMPTZ '2024-03-04 12:00:00+00', now())`,
      [call.callId, call.fileName, call.durationS, call.agentId, call.score, call.startedAt ?? null],
    );
  }
}

/** Events as [call id, type, party, start s, end s, attributes JSON]. */
export async function insertEvents(store: Store, events: ReadonlyArray<readonly [string, string, string | null, number, number, string]>): Promise<void> {
  for (const [index, [callId, type, party, startS, endS, attributes]] of events.entries()) {
    await store.connection.run('INSERT INTO events VALUES ($1, $2, $3, $4, $5, $6, $7)', [callId, index, type, party, startS, endS, attributes]);
  }
}

export const cdrHeader = 'call_id,recording,queue,agent_id,customer_id,offered_at,answered_at,ended_at,abandoned,ivr_path,asked_for_agent,transferred,acw_s';

export async function queryRows(store: Store, sql: string): Promise<Record<string, unknown>[]> {
  return (await store.connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}
