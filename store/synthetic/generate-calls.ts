import { readFileSync } from 'node:fs';
import type { Store } from '../index.ts';
import { inTransaction } from '../transaction.ts';

export interface SyntheticCallsSpec {
  /** Contacts to create; about 8 % abandoned and 9 % served by the IVR alone leave a CDR row without a recording. */
  calls: number;
  seed: number;
  /** First row number, so batches can add to a store without colliding ids. */
  firstId?: number;
}

const generateSql = readFileSync(new URL('./generate-calls.sql', import.meta.url), 'utf8');

/**
 * Fills a store with plausible analysed calls (parties, utterances, events, rule results,
 * scores) and their call-detail records, set-based in one transaction. The same seed and
 * size give the same rows. For tests, benches and demos, never for a production database.
 */
export async function generateSyntheticCalls(store: Store, spec: SyntheticCallsSpec): Promise<void> {
  const { connection } = store;
  await connection.run(`SET VARIABLE synthetic_calls = ${Math.trunc(spec.calls)}::BIGINT`);
  await connection.run(`SET VARIABLE synthetic_seed = ${Math.trunc(spec.seed)}::BIGINT`);
  await connection.run(`SET VARIABLE synthetic_first_id = ${Math.trunc(spec.firstId ?? 0)}::BIGINT`);
  await inTransaction(connection, () => connection.run(generateSql));
}
