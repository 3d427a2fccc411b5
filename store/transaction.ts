/**
 * One transaction around some work, for every writer of the store. When the work (or the
 * COMMIT) fails, the transaction is rolled back and the work's own error is what the caller
 * sees: after a failed COMMIT (disk full, an IO error) DuckDB has already ended the
 * transaction, so the ROLLBACK fails too ("no transaction is active"), and that error used to
 * replace the one that said what happened.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { CallqaError, isCallqaError } from '../core/errors.ts';

/** Runs `work` between BEGIN and COMMIT; on failure rolls back, best effort, and rethrows the work's error. */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    // A failed ROLLBACK says only that DuckDB had ended the transaction already.
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * As inTransaction, and a failure that is not already a catalogue error becomes
 * CQA_ERR_STORE_WRITE: "`subject` failed (cause); nothing was changed".
 */
export async function writeInTransaction<T>(connection: DuckDBConnection, subject: string, work: () => Promise<T>): Promise<T> {
  try {
    return await inTransaction(connection, work);
  } catch (error) {
    if (isCallqaError(error)) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new CallqaError('CQA_ERR_STORE_WRITE', `${subject} failed (${detail}); nothing was changed`, { cause: error });
  }
}
