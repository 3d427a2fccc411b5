import type { Store } from '../index.ts';
import { writeInTransaction } from '../transaction.ts';

/**
 * Changes whenever a call is analysed, re-analysed or deleted, or CDRs are imported: every
 * path that changes a KPI input moves one of these. Cheap (min/max metadata, no scan).
 */
const sourceSignatureSql = `SELECT concat_ws('|', (SELECT count(*) FROM calls), (SELECT max(analysed_at) FROM calls),
  (SELECT count(*) FROM cdr), (SELECT max(imported_at) FROM cdr)) AS source_signature`;

async function readSignature(store: Store, sql: string): Promise<string | null> {
  const row = (await store.connection.runAndReadAll(sql)).getRowObjectsJS()[0];
  return row === undefined ? null : String(row.source_signature);
}

/**
 * Recomputes `kpi_contact_facts` from the `kpi_contacts` view when calls or CDRs changed
 * since the last refresh; a no-op otherwise. Returns whether it refreshed. Needs a writable
 * store; one transaction, so readers see the old facts or the new ones.
 */
export async function refreshKpiFactsIfStale(store: Store): Promise<boolean> {
  const current = await readSignature(store, sourceSignatureSql);
  const stored = await readSignature(store, 'SELECT source_signature FROM kpi_facts_state');
  if (current === stored) return false;
  const { connection } = store;
  await writeInTransaction(connection, `${store.dbPath}: refreshing the KPI facts`, async () => {
    await connection.run('DELETE FROM kpi_contact_facts; INSERT INTO kpi_contact_facts SELECT * FROM kpi_contacts; DELETE FROM kpi_facts_state');
    await connection.run('INSERT INTO kpi_facts_state VALUES ($1, now())', [current]);
  });
  return true;
}
