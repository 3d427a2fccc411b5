/**
 * Deleting calls: every row that holds a call's content or refers to it, in one transaction
 * with the deletion's audit row, then the files the server made of it — its uploaded copy
 * (`<uploads>/<sha256>/`) and its transcoded audio (`<cache>/audio/<sha256>.*`). A recording
 * callqa analysed where it lay is the site's own file and is left alone. The access log is the
 * audit trail of who saw the call, and the call's deletion row records that it went; neither
 * holds any of its content. A CDR row is the phone system's record: it only loses its link.
 */
import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { listValue } from '@duckdb/node-api';
import type { Store } from '../open-store.ts';
import { inTransaction } from '../transaction.ts';

/** Tables whose rows belong to one call, by the column that names it. */
const callRowTables = [
  ['parties', 'call_id'], ['speech_segments', 'call_id'], ['utterances', 'call_id'], ['words', 'call_id'], ['events', 'call_id'],
  ['rule_results', 'call_id'], ['search_terms', 'call_id'], ['score_history', 'call_id'], ['reviews', 'call_id'],
  ['result_history', 'call_id'], ['rescore_changes', 'call_id'], ['analysis_runs', 'call_id'], ['jobs', 'call_id'],
  ['example_clips', 'call_id'], ['review_queue', 'call_id'], ['calibration_answers', 'call_id'], ['agent_responses', 'call_id'],
  ['kpi_contact_facts', 'recording_call_id'], ['calls', 'call_id'],
] as const;

export interface CallDeletion {
  deletion_id: string;
  call_id: string;
  file_name: string;
  reason: 'request' | 'retention';
  deleted_by: string | null;
  rows_deleted: Record<string, number>;
  files_deleted: string[];
}

export interface DeletionFolders {
  uploadsDir: string;
  cacheDir: string;
}

/** The server's folders: as given, else `uploads/` and `cache/` beside the database file. */
export function resolveDataFolders(dbPath: string, given: { uploadsDir?: string | null; cacheDir?: string | null }): DeletionFolders {
  const dataDir = path.dirname(path.resolve(dbPath));
  return {
    uploadsDir: path.resolve(given.uploadsDir ?? path.join(dataDir, 'uploads')),
    cacheDir: path.resolve(given.cacheDir ?? path.join(dataDir, 'cache')),
  };
}

/** When a call took place: its metadata's start, else its first analysis (as the call list dates it). */
const callDateSql = 'coalesce(CAST(started_at AS TIMESTAMPTZ), first_analysed_at)';

/** Ids of the calls that took place before an instant, oldest first. */
export async function findCallsBefore(store: Store, before: Date): Promise<string[]> {
  const reader = await store.connection.runAndReadAll(`SELECT call_id FROM calls WHERE ${callDateSql} < $1::TIMESTAMPTZ ORDER BY ${callDateSql}, call_id`, [before.toISOString()]);
  return reader.getRowObjectsJS().map((row) => row.call_id as string);
}

/** The server's copies of a call: its upload folder, and every cached rendering of its audio (plain or bleeped), all named by its sha256. */
async function filesOf(sha256: string, cachedAudio: readonly string[], folders: DeletionFolders): Promise<string[]> {
  const uploadDir = path.join(folders.uploadsDir, sha256);
  const uploaded = await readdir(uploadDir).then(() => [uploadDir], () => [] as string[]);
  return [...uploaded, ...cachedAudio.filter((name) => name.startsWith(sha256)).map((name) => path.join(folders.cacheDir, 'audio', name))];
}

/**
 * Deletes the calls (unknown ids are skipped) and returns one audit record per deleted call.
 * The rows go in one transaction; the files after it commits, so a failure leaves the call whole.
 */
export async function deleteCalls(
  store: Store, callIds: readonly string[], audit: { reason: CallDeletion['reason']; deletedBy: string | null }, folders: DeletionFolders,
): Promise<CallDeletion[]> {
  const { connection } = store;
  if (callIds.length === 0) return [];
  const found = (await connection.runAndReadAll('SELECT call_id, sha256, file_name FROM calls WHERE list_contains($1, call_id) ORDER BY call_id', [listValue([...callIds])]))
    .getRowObjectsJS() as { call_id: string; sha256: string; file_name: string }[];
  const cachedAudio = await readdir(path.join(folders.cacheDir, 'audio')).catch(() => [] as string[]);
  const deletions: (CallDeletion & { sha256: string })[] = [];
  for (const call of found) {
    const files = await filesOf(call.sha256, cachedAudio, folders);
    deletions.push({ deletion_id: randomUUID(), ...call, reason: audit.reason, deleted_by: audit.deletedBy, rows_deleted: {}, files_deleted: files });
  }
  await inTransaction(connection, async () => {
    for (const deletion of deletions) {
      for (const [table, column] of callRowTables) {
        const reader = await connection.runAndReadAll(`DELETE FROM ${table} WHERE ${column} = $1 RETURNING 1`, [deletion.call_id]);
        if (reader.currentRowCount > 0) deletion.rows_deleted[table] = reader.currentRowCount;
      }
      await connection.run('UPDATE cdr SET recording_call_id = NULL WHERE recording_call_id = $1', [deletion.call_id]);
      await connection.run('UPDATE calibration_sessions SET call_ids = list_filter(call_ids, id -> id <> $1) WHERE list_contains(call_ids, $1)', [deletion.call_id]);
      await connection.run(`INSERT INTO call_deletions VALUES ($1, $2, $3, $4, $5, $6, $7::JSON, from_json($8, '["VARCHAR"]'), now())`, [
        deletion.deletion_id, deletion.call_id, deletion.sha256, deletion.file_name, deletion.reason, deletion.deleted_by,
        JSON.stringify(deletion.rows_deleted), JSON.stringify(deletion.files_deleted),
      ]);
    }
  });
  for (const deletion of deletions) for (const file of deletion.files_deleted) await rm(file, { recursive: true, force: true });
  return deletions.map(({ sha256: _sha256, ...deletion }) => deletion);
}
