/**
 * Read-only access to a callqa DuckDB file for the notebooks. Opens the file named by
 * `CALLQA_DB` (default `data/callqa.duckdb` under the repository) and adds one temporary view,
 * `call_contacts`, that every notebook starts from: one row per analysed call with the score
 * and rule statuses a QA reviewer set, and the queue and contact time from its call-detail
 * record, so "when" means when the customer called, not when the recording was analysed.
 */
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';

export const defaultDatabaseFile = fileURLToPath(new URL('../../data/callqa.duckdb', import.meta.url));

/** A recording linked from several CDR rows (a re-export) counts once, at its first contact. */
const callContactsView = `
CREATE TEMP VIEW call_contacts AS
SELECT c.call_id,
       c.file_name,
       c.language,
       coalesce(c.agent_id, '(no agent)') AS agent_id,
       coalesce(d.queue, '(no queue)') AS queue,
       coalesce(d.offered_at, CAST(c.first_analysed_at AS TIMESTAMP)) AS contacted_at,
       strftime(coalesce(d.offered_at, CAST(c.first_analysed_at AS TIMESTAMP)), '%G-W%V') AS contact_week,
       c.effective_score AS score,
       c.duration_s,
       c.agent_i_statements,
       c.agent_you_statements,
       d.transferred AS cdr_transferred
FROM effective_calls c
LEFT JOIN (
  SELECT recording_call_id,
         arg_min(queue, offered_at) AS queue,
         min(offered_at) AS offered_at,
         bool_or(transferred) AS transferred
  FROM cdr
  WHERE recording_call_id IS NOT NULL
  GROUP BY recording_call_id
) d ON d.recording_call_id = c.call_id`;

/** DuckDB's JSON rows give 64-bit integers and decimals as strings; the notebooks chart numbers. */
const numericAsString = /^(BIGINT|UBIGINT|HUGEINT|UHUGEINT|DECIMAL)/;

export interface CallqaDb {
  readonly file: string;
  /** Rows as plain objects; `$name` placeholders take `params`. Timestamps come back as ISO-like strings. */
  query<Row extends object>(sql: string, params?: Record<string, DuckDBValue>): Promise<Row[]>;
  close(): void;
}

export async function openCallqaDb(file: string = process.env.CALLQA_DB ?? defaultDatabaseFile): Promise<CallqaDb> {
  if (!existsSync(file)) {
    throw new Error(`no callqa database at ${file}: build one with "./bin/callqa.js analyze samples/calls --db ${file}" or set CALLQA_DB to an existing file`);
  }
  // Read-only, so a notebook can never change QA data and several notebooks can share the file.
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  await connection.run(callContactsView);
  return {
    file,
    async query<Row extends object>(sql: string, params?: Record<string, DuckDBValue>): Promise<Row[]> {
      const reader = await connection.runAndReadAll(sql, params);
      const numericColumns = reader
        .columnNames()
        .filter((_, index) => numericAsString.test(String(reader.columnTypes()[index])));
      return reader.getRowObjectsJson().map((row) => {
        for (const column of numericColumns) {
          const value = row[column];
          if (typeof value === 'string') row[column] = Number(value);
        }
        return row as Row;
      });
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
