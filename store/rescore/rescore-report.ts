/**
 * A rescore run as the CLI prints it and the API serves it: what it selected, the versions it
 * judged with, how many calls it read and wrote, and the diff. `findRescoreReport` reads one
 * back from `rescore_runs` and `rescore_changes`.
 */
import { CallqaError } from '../../core/errors.ts';
import { languages, type ContentVersion, type Language } from '../../pipeline/result/call-result.ts';
import type { Store } from '../open-store.ts';
import type { CallChange } from './rescore-diff.ts';

/** Which stored calls a rescore reads; null: any. */
export interface RescoreFilters {
  /** ISO date or date-time: calls that took place (else were first analysed) at or after it. */
  since: string | null;
  agent: string | null;
  language: Language | null;
}

export interface RescoreVersions {
  rule_packs: Record<string, ContentVersion>;
  scorecard: ContentVersion;
}

export interface RescoreReport {
  run_id: string;
  status: 'running' | 'ok' | 'error';
  filters: RescoreFilters;
  versions: RescoreVersions;
  calls_rescored: number | null;
  calls_written: number | null;
  calls_changed: number | null;
  /** Calls whose score or a rule verdict changed, by call id. */
  changes: CallChange[];
}

const isoDate = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;

/** Checks filters as a user gave them; throws CQA_ERR_CONFIG_INVALID naming the option. */
export function resolveRescoreFilters(spec: { since?: string | null; agent?: string | null; language?: string | null }): RescoreFilters {
  const since = spec.since || null;
  if (since && (!isoDate.test(since) || Number.isNaN(Date.parse(since)))) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--since: "${since}" is not a date; give an ISO date such as 2024-03-01 or 2024-03-01T09:00`);
  }
  const language = spec.language || null;
  if (language && !(languages as readonly string[]).includes(language)) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--language: "${language}" is not one of ${languages.join(', ')}`);
  }
  return { since, agent: spec.agent || null, language: language as Language | null };
}

interface RunRow {
  status: RescoreReport['status'];
  filters: string;
  versions: string;
  calls_rescored: number | null;
  calls_written: number | null;
  calls_changed: number | null;
}

/** The stored report of a rescore run; null when there is no such run. */
export async function findRescoreReport(store: Store, runId: string): Promise<RescoreReport | null> {
  const { connection } = store;
  const runs = await connection.runAndReadAll(
    'SELECT status, filters::VARCHAR AS filters, versions::VARCHAR AS versions, calls_rescored, calls_written, calls_changed FROM rescore_runs WHERE run_id = $1', [runId]);
  const run = runs.getRowObjectsJS()[0] as RunRow | undefined;
  if (!run) return null;
  const rows = await connection.runAndReadAll(
    'SELECT call_id, score_before, score_after, rules::VARCHAR AS rules FROM rescore_changes WHERE run_id = $1 ORDER BY call_id', [runId]);
  const changes = (rows.getRowObjectsJS() as unknown as Array<Omit<CallChange, 'rules'> & { rules: string }>)
    .map((row) => ({ ...row, rules: JSON.parse(row.rules) as CallChange['rules'] }));
  return {
    run_id: runId, status: run.status, filters: JSON.parse(run.filters) as RescoreFilters, versions: JSON.parse(run.versions) as RescoreVersions,
    calls_rescored: run.calls_rescored, calls_written: run.calls_written, calls_changed: run.calls_changed, changes,
  };
}
