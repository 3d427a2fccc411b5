import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CallqaError } from '../../core/errors.ts';
import { refreshKpiFactsIfStale } from '../kpi/index.ts';
import type { Store } from '../index.ts';
import { writeArrowFile } from './arrow-writer.ts';
import { conversationMetricsSql } from './conversation-metrics-sql.ts';

export const exportFormats = ['parquet', 'arrow', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly outDir: string;
  /** ISO date or timestamp (already resolved); contacts offered before it are left out. */
  readonly since: string | null;
}

export interface ExportedFile {
  table: string;
  filePath: string;
  rows: number;
}

/** Each file's query; `$since` stands for the cut-off. A recording belongs to its contact's time. */
function exportQueries(since: string): Readonly<Record<string, string>> {
  const sinceSql = `TIMESTAMP '${since}'`;
  const recordingsSince = `call_id IN (SELECT recording_call_id FROM kpi_contact_facts WHERE offered_at >= ${sinceSql})`;
  return {
    calls: `SELECT * FROM calls WHERE ${recordingsSince} ORDER BY call_id`,
    utterances: `SELECT * FROM utterances WHERE ${recordingsSince} ORDER BY call_id, utterance_idx`,
    events: `SELECT * FROM events WHERE ${recordingsSince} ORDER BY call_id, event_idx`,
    rule_results: `SELECT * FROM rule_results WHERE ${recordingsSince} ORDER BY call_id, rule_id`,
    conversation_metrics: `${conversationMetricsSql(recordingsSince)} ORDER BY call_id, channel`,
    cdr: `SELECT * FROM cdr WHERE offered_at >= ${sinceSql} ORDER BY call_id`,
    kpi_contacts: `SELECT * FROM kpi_contact_facts WHERE offered_at >= ${sinceSql} ORDER BY offered_at, cdr_call_id, recording_call_id`,
    kpi_by_day: `SELECT * FROM kpi_summary('day', ${sinceSql}, 20)`,
  };
}

function exportWriteError(target: string, cause: unknown): CallqaError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new CallqaError('CQA_ERR_EXPORT_WRITE', `${target}: the export failed (${detail}); check the folder's path, free space and permissions`, { cause });
}

async function writeTable(store: Store, format: ExportFormat, sql: string, filePath: string): Promise<number> {
  if (format === 'arrow') return writeArrowFile(store.connection, sql, filePath);
  const options = format === 'parquet' ? 'FORMAT parquet, COMPRESSION zstd' : 'FORMAT csv, HEADER true';
  const reader = await store.connection.runAndReadAll(`COPY (${sql}) TO '${filePath.replaceAll("'", "''")}' (${options})`);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}

/**
 * Writes calls, utterances, events, rule results, conversation metrics per party, CDRs and KPIs (per contact and per day) into
 * `outDir`, one `<table>.<format>` file each. Every file is written under a temporary name and
 * renamed when complete, so a reader never sees half a file.
 */
export async function exportTables(store: Store, options: ExportOptions): Promise<ExportedFile[]> {
  await mkdir(options.outDir, { recursive: true }).catch((error: unknown) => {
    throw exportWriteError(options.outDir, error);
  });
  await refreshKpiFactsIfStale(store);
  const exported: ExportedFile[] = [];
  for (const [table, sql] of Object.entries(exportQueries(options.since ?? '1970-01-01'))) {
    const filePath = path.join(options.outDir, `${table}.${options.format}`);
    const partialPath = `${filePath}.partial-${process.pid}`;
    try {
      const rows = await writeTable(store, options.format, sql, partialPath);
      await rename(partialPath, filePath);
      exported.push({ table, filePath, rows });
    } catch (error) {
      await rm(partialPath, { force: true });
      throw exportWriteError(filePath, error);
    }
  }
  return exported;
}
