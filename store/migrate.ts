import { readdirSync, readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CallqaError } from '../core/errors.ts';
import { inTransaction } from './transaction.ts';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationsFolder = new URL('./migrations/', import.meta.url);

/** Migrations are `NNNN-name.sql` files, applied in order, each in its own transaction. */
export function loadMigrations(): Migration[] {
  return readdirSync(migrationsFolder)
    .filter((file) => /^\d{4}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(new URL(file, migrationsFolder), 'utf8'),
    }));
}

export async function findSchemaVersion(connection: DuckDBConnection): Promise<number> {
  await connection.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
  );
  const reader = await connection.runAndReadAll('SELECT coalesce(max(version), 0)::INTEGER AS version FROM schema_migrations');
  return Number(reader.getRowObjectsJS()[0]?.version ?? 0);
}

/** Brings the database up to the newest schema; refuses a database from a newer callqa. */
export async function migrate(connection: DuckDBConnection, dbPath: string): Promise<number> {
  const migrations = loadMigrations();
  const newest = migrations.at(-1)?.version ?? 0;
  const current = await findSchemaVersion(connection);
  if (current > newest) {
    throw new CallqaError(
      'CQA_ERR_STORE_SCHEMA_NEWER',
      `${dbPath}: schema version ${current} was written by a newer callqa (this one knows up to ${newest}); upgrade callqa`,
    );
  }
  for (const migration of migrations.filter((candidate) => candidate.version > current)) {
    await inTransaction(connection, async () => {
      await connection.run(migration.sql);
      await connection.run('INSERT INTO schema_migrations VALUES ($1, $2, now())', [migration.version, migration.name]);
    });
  }
  return newest;
}
