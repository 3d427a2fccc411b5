/**
 * `rescoreCalls`: judges stored calls again with the current rule packs and scorecard, set-based
 * in batches (one transaction each), without their audio. A call whose result comes out the
 * same is not written; one that differs gets its new result, its old one in
 * `result_history`, a machine row in `score_history`, and, when a verdict or the score moved, a
 * row in the run's diff. Reviews are never touched: `effective_rule_results` applies them over
 * the new verdicts.
 */
import { randomUUID } from 'node:crypto';
import { DOUBLE, INTEGER, VARCHAR } from '@duckdb/node-api';
import type { Effects } from '../../core/effects.ts';
import { silentEffects } from '../../core/effects.ts';
import { callqaVersion } from '../../core/version.ts';
import type { JudgeConfig } from '../../pipeline/judge-call.ts';
import { isSameJudgement, rescoreResult } from '../../pipeline/rescore.ts';
import type { OkCallResult } from '../../pipeline/result/build-result.ts';
import { appendJudgedRows, appendRows, callColumns } from '../call-writer.ts';
import type { Store } from '../open-store.ts';
import { writeInTransaction } from '../transaction.ts';
import { compareVerdicts, type CallChange } from './rescore-diff.ts';
import type { RescoreFilters, RescoreReport, RescoreVersions } from './rescore-report.ts';

/** Calls judged and written per transaction: large enough for set-based writes, small enough to keep memory flat. */
const batchSize = 1000;

function versionsOf(config: JudgeConfig): RescoreVersions {
  return {
    rule_packs: Object.fromEntries([...config.rulePacks].map(([language, pack]) => [language, { ...pack.version }])),
    scorecard: { ...config.scorecard.version },
  };
}

const filterConditions: Readonly<Record<keyof RescoreFilters, string>> = {
  // When a call took place, else when it was first analysed: as the call list and KPIs date it.
  since: 'coalesce(started_at, first_analysed_at::TIMESTAMP) >= $since::TIMESTAMP',
  agent: 'agent_id = $agent',
  language: 'language = $language',
};

interface StoredResult {
  call_id: string;
  result: string;
}

async function selectBatch(store: Store, filters: RescoreFilters, afterCallId: string): Promise<StoredResult[]> {
  const given = Object.entries(filters).filter((entry): entry is [keyof RescoreFilters, string] => entry[1] !== null);
  const conditions = ['call_id > $after', ...given.map(([name]) => filterConditions[name])];
  const values: Record<string, string> = { after: afterCallId, ...Object.fromEntries(given) };
  const reader = await store.connection.runAndReadAll(
    `SELECT call_id, result_json::VARCHAR AS result FROM calls WHERE ${conditions.join(' AND ')} ORDER BY call_id LIMIT ${batchSize}`, values);
  return reader.getRowObjectsJS() as unknown as StoredResult[];
}

async function writeBatch(store: Store, runId: string, results: readonly OkCallResult[], changes: readonly CallChange[]): Promise<void> {
  const { connection } = store;
  await writeInTransaction(connection, `rescore ${runId}: storing ${results.length} calls`, async () => {
    await connection.run('DELETE FROM rescored_calls');
    await appendRows(store, 'rescored_calls', [VARCHAR, DOUBLE, INTEGER, INTEGER, VARCHAR], results.map((result) => {
      const columns = callColumns(result);
      return [columns.call_id, columns.score, columns.agent_i, columns.agent_you, columns.result_json];
    }));
    await connection.run(
      'INSERT INTO result_history SELECT c.call_id, c.last_run_id, $1, c.score, c.result_json, now() FROM calls c JOIN rescored_calls r USING (call_id)', [runId]);
    await connection.run(
      `UPDATE calls SET score = r.score, agent_i_statements = r.agent_i, agent_you_statements = r.agent_you, result_json = r.result_json, last_run_id = $1
       FROM rescored_calls r WHERE calls.call_id = r.call_id`, [runId]);
    for (const table of ['events', 'rule_results']) await connection.run(`DELETE FROM ${table} WHERE call_id IN (SELECT call_id FROM rescored_calls)`);
    await appendJudgedRows(store, results);
    await connection.run("INSERT INTO score_history SELECT call_id, $1, NULL, score, 'machine', now() FROM rescored_calls", [runId]);
    await appendRows(store, 'rescore_changes', [VARCHAR, VARCHAR, DOUBLE, DOUBLE, VARCHAR],
      changes.map((change) => [runId, change.call_id, change.score_before, change.score_after, JSON.stringify(change.rules)]));
  });
}

/**
 * Rescores the calls `filters` select with `config`, as one recorded run; returns its report
 * (the diff lists the calls whose score or a verdict changed). Throws CQA_ERR_STORE_WRITE,
 * leaving the batches already written and the run marked "error", when a batch cannot be stored.
 */
export async function rescoreCalls(store: Store, config: JudgeConfig, filters: RescoreFilters, effects: Effects): Promise<RescoreReport> {
  const { connection } = store;
  const runId = randomUUID();
  const versions = versionsOf(config);
  await connection.run(
    "INSERT INTO rescore_runs (run_id, status, started_at, filters, versions, callqa_version) VALUES ($1, 'running', now(), $2, $3, $4)",
    [runId, JSON.stringify(filters), JSON.stringify(versions), callqaVersion]);
  const totals = { rescored: 0, written: 0 };
  const changes: CallChange[] = [];
  try {
    await connection.run('CREATE OR REPLACE TEMP TABLE rescored_calls (call_id VARCHAR, score DOUBLE, agent_i INTEGER, agent_you INTEGER, result_json VARCHAR)');
    for (let batch = await selectBatch(store, filters, ''); batch.length > 0; batch = await selectBatch(store, filters, batch.at(-1)?.call_id ?? '')) {
      const written: OkCallResult[] = [];
      const batchChanges: CallChange[] = [];
      for (const row of batch) {
        const stored = JSON.parse(row.result) as OkCallResult;
        // Per-call notices of the rules stage (holds found in the transcript) were given when the call was analysed.
        const result = rescoreResult(stored, config, silentEffects);
        if (isSameJudgement(stored, result)) continue;
        written.push(result);
        const change = compareVerdicts(stored, result);
        if (change) batchChanges.push(change);
      }
      if (written.length > 0) await writeBatch(store, runId, written, batchChanges);
      totals.rescored += batch.length;
      totals.written += written.length;
      changes.push(...batchChanges);
      effects.log(`rescore: ${totals.rescored} calls judged, ${changes.length} changed`);
    }
  } catch (error) {
    await connection.run("UPDATE rescore_runs SET status = 'error', finished_at = now(), error_message = $2 WHERE run_id = $1",
      [runId, error instanceof Error ? error.message : String(error)]);
    throw error;
  } finally {
    await connection.run('DROP TABLE IF EXISTS rescored_calls');
  }
  await connection.run(
    "UPDATE rescore_runs SET status = 'ok', finished_at = now(), calls_rescored = $2, calls_written = $3, calls_changed = $4 WHERE run_id = $1",
    [runId, totals.rescored, totals.written, changes.length]);
  return { run_id: runId, status: 'ok', filters, versions, calls_rescored: totals.rescored, calls_written: totals.written, calls_changed: changes.length, changes };
}
