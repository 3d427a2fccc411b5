import type { RunFailure, RunStart } from '../pipeline/record-call.ts';
import type { Store } from './open-store.ts';

/** Records that analysis of a file began, so a crash leaves a visible trace. */
export async function beginRun(store: Store, run: RunStart): Promise<void> {
  await store.connection.run(
    "INSERT INTO analysis_runs (run_id, source, status, started_at, callqa_version, options) VALUES ($1, $2, 'running', now(), $3, $4)",
    [run.runId, run.source, run.callqaVersion, JSON.stringify(run.options)],
  );
}

export async function failRun(store: Store, runId: string, failure: RunFailure): Promise<void> {
  await store.connection.run(
    `UPDATE analysis_runs SET status = 'error', finished_at = now(), error_code = $2, error_message = $3, sha256 = $4,
       call_id = CASE WHEN $4 IS NULL THEN NULL ELSE substr($4, 1, 16) END WHERE run_id = $1`,
    [runId, failure.code, failure.message, failure.sha256],
  );
}

/** Of these runs, those already recorded (begun, whatever their status). */
export async function findRecordedRunIds(store: Store, runIds: readonly string[]): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const placeholders = runIds.map((_, index) => `$${index + 1}`).join(', ');
  const reader = await store.connection.runAndReadAll(`SELECT run_id FROM analysis_runs WHERE run_id IN (${placeholders})`, [...runIds]);
  return new Set(reader.getRowObjectsJS().map((row) => String(row.run_id)));
}
