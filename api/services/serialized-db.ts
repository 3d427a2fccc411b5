/**
 * The server's one gateway to DuckDB. The store has a single connection, and DuckDB runs one
 * statement at a time per connection, so every query and transaction passes through a FIFO
 * lock: a transaction (a review, an analysed upload's saveCall) never interleaves with a read.
 * Analysis itself runs outside the lock, which is why reads keep being answered during a job.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { Store } from '../../store/index.ts';
import { inTransaction } from '../../store/transaction.ts';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

export interface SqlRunner {
  /** Rows as plain objects; the SQL's casts define the shape (no BIGINT: cast to INTEGER or DOUBLE). */
  all<Row>(sql: string, params?: SqlParams): Promise<Row[]>;
  run(sql: string, params?: SqlParams): Promise<void>;
}

export interface SerializedDb extends SqlRunner {
  readonly store: Store;
  /** Runs several reads in one turn of the lock, so no write lands between them. */
  read<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
  /** Runs statements in one transaction, rolled back if `work` throws. */
  transaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
  /** Hands the raw store to code that manages its own statements (saveCall, beginRun). */
  exclusive<T>(work: (store: Store) => Promise<T>): Promise<T>;
}

function createRunner(store: Store): SqlRunner {
  return {
    async all<Row>(sql: string, params?: SqlParams) {
      const reader = await store.connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJS() as Row[];
    },
    async run(sql: string, params?: SqlParams) {
      await store.connection.run(sql, params);
    },
  };
}

/** Wraps a store so that all use of its connection is serialised. */
export function createSerializedDb(store: Store): SerializedDb {
  const runner = createRunner(store);
  let queueTail: Promise<unknown> = Promise.resolve();
  function exclusive<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const turn = queueTail.then(() => work(store));
    queueTail = turn.catch(() => undefined);
    return turn;
  }
  return Object.freeze({
    store,
    exclusive,
    all: <Row>(sql: string, params?: SqlParams) => exclusive(() => runner.all<Row>(sql, params)),
    run: (sql: string, params?: SqlParams) => exclusive(() => runner.run(sql, params)),
    read: <T>(work: (sql: SqlRunner) => Promise<T>) => exclusive(() => work(runner)),
    transaction: <T>(work: (sql: SqlRunner) => Promise<T>) =>
      exclusive((locked) => inTransaction(locked.connection, () => work(runner))),
  });
}

/** SQL rendering a TIMESTAMPTZ as the API's ISO 8601 UTC string. */
export function isoTimestampSql(column: string): string {
  return `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ')`;
}
