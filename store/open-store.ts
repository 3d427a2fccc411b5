import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CallqaError } from '../core/errors.ts';
import { migrate } from './migrate.ts';

export interface Store {
  readonly dbPath: string;
  readonly connection: DuckDBConnection;
  readonly schemaVersion: number;
  close(): void;
}

export const defaultDbPath = 'data/callqa.duckdb';

/**
 * Opens (creating if needed) and migrates the database. DuckDB allows one writing process per
 * file, so a second writer gets CQA_ERR_STORE_LOCKED instead of a raw IO error. Runs left
 * `running` by a killed process are marked `abandoned`: their call was never committed.
 */
export async function openStore(dbPath: string = defaultDbPath): Promise<Store> {
  await mkdir(path.dirname(path.resolve(dbPath)), { recursive: true });
  const instance = await DuckDBInstance.create(dbPath).catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    if (/lock/i.test(detail)) {
      // DuckDB names the file and the holding process, then links its docs; the path has dots of its own.
      const cause = detail.replace(/\s*See also https?:\/\/\S+\s*$/, '').replace(/\.$/, '');
      throw new CallqaError(
        'CQA_ERR_STORE_LOCKED',
        `${dbPath}: the database is in use by another process (${cause}); stop it, or send work to the running \`callqa serve\``,
        { cause: error },
      );
    }
    throw new CallqaError('CQA_ERR_STORE_OPEN', `${dbPath}: cannot open the database (${detail}); check the path and permissions`, {
      cause: error,
    });
  });
  const connection = await instance.connect();
  const schemaVersion = await migrate(connection, dbPath);
  await connection.run("UPDATE analysis_runs SET status = 'abandoned', finished_at = now() WHERE status = 'running'");
  return Object.freeze({
    dbPath,
    connection,
    schemaVersion,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  });
}
