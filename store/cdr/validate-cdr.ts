import type { DuckDBConnection } from '@duckdb/node-api';
import { CallqaError } from '../../core/errors.ts';
import { cdrColumns, cdrColumnTypes, cdrTypeHints, isCdrColumn, requiredCdrColumns } from './cdr-columns.ts';

/** A path as a SQL string literal; DuckDB table functions take no bound parameters for it. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

async function readRows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** Reads only the header; fails naming the first missing or unknown column. */
export async function loadCdrHeader(connection: DuckDBConnection, csvPath: string): Promise<string[]> {
  const described = await readRows(connection, `DESCRIBE SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, all_varchar = true)`);
  const header = described.map((row) => String(row.column_name));
  const unknown = header.find((name) => !isCdrColumn(name));
  if (unknown !== undefined) {
    throw new CallqaError('CQA_ERR_CDR_COLUMNS', `${csvPath}: unknown column "${unknown}"; rename it to one of ${cdrColumns.join(', ')} or drop it from the export`);
  }
  const missing = cdrColumns.find((name) => !header.includes(name));
  if (missing !== undefined) {
    throw new CallqaError('CQA_ERR_CDR_COLUMNS', `${csvPath}: column "${missing}" is missing; add it to the header (empty values are allowed unless it is one of ${requiredCdrColumns.join(', ')})`);
  }
  return header;
}

/** Fails on the first value DuckDB could not cast, naming its file line and column. */
export async function assertNoRejects(connection: DuckDBConnection, csvPath: string, rejectsTable: string): Promise<void> {
  const [reject] = await readRows(connection, `SELECT line, column_name FROM ${rejectsTable} ORDER BY line, column_idx LIMIT 1`);
  if (reject === undefined) return;
  const column = String(reject.column_name);
  const hint = isCdrColumn(column) ? cdrTypeHints[cdrColumnTypes[column]] : 'one value per header column';
  throw new CallqaError('CQA_ERR_CDR_VALUE', `${csvPath}: line ${Number(reject.line)}, column "${column}": the value is not ${hint}; fix that line and import again`);
}

/**
 * Fails on an empty required value or a repeated call_id. Runs only after a reject-free read,
 * so the staging row order is the file's and line = rowid + 2 (the header is line 1).
 */
export async function assertRequiredValues(connection: DuckDBConnection, csvPath: string, stagingTable: string): Promise<void> {
  const missingChecks = requiredCdrColumns.map((column) => `SELECT rowid + 2 AS line, '${column}' AS column_name FROM ${stagingTable} WHERE ${column} IS NULL`);
  const [missing] = await readRows(connection, `${missingChecks.join(' UNION ALL ')} ORDER BY line LIMIT 1`);
  if (missing !== undefined) {
    throw new CallqaError('CQA_ERR_CDR_VALUE', `${csvPath}: line ${Number(missing.line)}, column "${String(missing.column_name)}": a value is required; fill it in and import again`);
  }
  const [repeated] = await readRows(connection,
    `SELECT call_id, list(rowid + 2 ORDER BY rowid) AS lines FROM ${stagingTable} GROUP BY call_id HAVING count(*) > 1 ORDER BY min(rowid) LIMIT 1`);
  if (repeated !== undefined) {
    throw new CallqaError('CQA_ERR_CDR_VALUE', `${csvPath}: lines ${(repeated.lines as number[]).join(', ')}, column "call_id": "${String(repeated.call_id)}" repeats; keep one row per call`);
  }
}
