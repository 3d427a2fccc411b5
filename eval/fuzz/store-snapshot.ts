/**
 * Every row the database holds for a set of calls, in every table keyed by `call_id`, as one
 * canonical text: two snapshots are equal exactly when those rows are byte-identical.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export async function snapshotCalls(dbPath: string, callIds: readonly string[]): Promise<Map<string, string>> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const tables = (await (await connection.runAndReadAll(
      "SELECT table_name FROM information_schema.columns WHERE column_name = 'call_id' AND table_schema = 'main' " +
        "AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE') ORDER BY table_name",
    )).getRowObjectsJS()).map((row) => String(row.table_name));
    const snapshot = new Map<string, string>();
    const idList = callIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ');
    for (const table of tables) {
      // A full scan (`call_id || ''`), so a stale index cannot hide rows (DuckDB #23788).
      const reader = await connection.runAndReadAll(`SELECT * FROM "${table}" WHERE call_id || '' IN (${idList}) ORDER BY ALL`);
      snapshot.set(table, JSON.stringify(reader.getRowsJson()));
    }
    connection.closeSync();
    return snapshot;
  } finally {
    instance.closeSync();
  }
}

/** Tables whose rows for the calls differ between two snapshots. */
export function changedTables(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((table) => before.get(table) !== after.get(table));
}
