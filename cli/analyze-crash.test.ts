import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReview, listReviews } from '../api/services/reviews.ts';
import { createSerializedDb } from '../api/services/serialized-db.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { makeToneRecording } from '../pipeline/ingest/audio-fixtures.test-helper.ts';
import { openStore } from '../store/index.ts';
import { queryDb, runCli, startCli } from './run-cli.test-helper.ts';

const callCount = 6;

describe('callqa analyze after SIGKILL mid-batch', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
    for (let index = 0; index < callCount; index++) {
      // Distinct durations make distinct bytes, so each file is its own call.
      await makeToneRecording(temp.file(`calls/call-${index}.flac`), {
        durationS: 90 + index, sampleRateHz: 16000, channelAmplitudes: [0.3, 0.1], codecArgs: ['-c:a', 'flac'],
      });
    }
  });
  afterAll(() => temp.remove());

  it('leaves a consistent database, and a second run stores every call exactly once', async () => {
    const db = temp.file('crash.duckdb');
    const { child, done } = startCli(['analyze', temp.file('calls'), '--db', db]);
    // The third file's probe line comes after its run was recorded and before it is stored.
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('call-2.flac: flac in flac')) resolve();
      });
    });
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.exitCode).toBeNull();

    const storedAfterKill = await queryDb(db, 'SELECT count(*)::INTEGER AS n FROM calls');
    expect(storedAfterKill[0]!.n).toBeGreaterThanOrEqual(2);
    expect(storedAfterKill[0]!.n).toBeLessThan(callCount);
    const partiesPerCall = await queryDb(db, 'SELECT call_id, count(*)::INTEGER AS n FROM parties GROUP BY call_id');
    for (const row of partiesPerCall) expect(row.n).toBe(2);

    const rerun = await runCli(['analyze', temp.file('calls'), '--db', db]);
    expect(rerun.exitCode).toBe(0);
    const calls = await queryDb(db, 'SELECT count(*)::INTEGER AS n, count(DISTINCT sha256)::INTEGER AS hashes FROM calls');
    expect(calls).toEqual([{ n: callCount, hashes: callCount }]);
    expect(await queryDb(db, 'SELECT count(*)::INTEGER AS n FROM parties')).toEqual([{ n: 2 * callCount }]);
    const orphans = await queryDb(db, 'SELECT count(*)::INTEGER AS n FROM parties WHERE call_id NOT IN (SELECT call_id FROM calls)');
    expect(orphans).toEqual([{ n: 0 }]);
    const unfinished = await queryDb(db, "SELECT count(*)::INTEGER AS n FROM analysis_runs WHERE status = 'running'");
    expect(unfinished).toEqual([{ n: 0 }]);
    const abandoned = await queryDb(db, "SELECT count(*)::INTEGER AS n FROM analysis_runs WHERE status = 'abandoned'");
    expect(abandoned).toEqual([{ n: 1 }]);
  });
});

/** Tables holding rows of one call, each with its `call_id` column. */
const tablesOfACall = ['calls', 'parties', 'speech_segments', 'utterances', 'words', 'events', 'rule_results', 'analysis_runs', 'score_history', 'reviews'] as const;
type RowCounts = Record<(typeof tablesOfACall)[number], number>;

/**
 * Counts a call's rows per table twice: by `call_id = X`, which DuckDB answers through an ART
 * index where there is one, and by `call_id || '' = X`, which only a full scan can answer.
 */
async function countRowsOfCall(dbPath: string, callId: string): Promise<{ lookup: RowCounts; scan: RowCounts }> {
  const select = (column: string) =>
    `SELECT ${tablesOfACall.map((table) => `(SELECT count(*)::INTEGER FROM ${table} WHERE ${column} = '${callId}') AS ${table}`).join(', ')}`;
  const [lookup] = await queryDb(dbPath, select('call_id'));
  const [scan] = await queryDb(dbPath, select("call_id || ''"));
  return { lookup: lookup as RowCounts, scan: scan as RowCounts };
}

/** Each table keyed by the call, with its key columns: a copy of a stored row must be refused. */
const primaryKeys = { calls: 'call_id', parties: 'call_id, channel', utterances: 'call_id, utterance_idx', rule_results: 'call_id, rule_id' } as const;

describe('callqa analyze SIGKILLed, then the database opened once (WAL replay)', () => {
  const samples = new URL('../samples/calls/', import.meta.url).pathname;
  const [first, second, third] = ['en-01-billing-dispute', 'en-02-delivery-delay', 'en-03-tariff-change'].map((name) => `${samples}${name}.wav`);
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it('finds every row written before the kill, keeps the QA review, and re-analysis duplicates nothing', async () => {
    const db = temp.file('replay.duckdb');
    const analysed = await runCli(['analyze', first!, '--db', db, '--json']);
    expect(analysed.exitCode).toBe(0);
    const firstCallId = (JSON.parse(analysed.stdout) as { call_id: string }).call_id;
    const beforeCrash = await countRowsOfCall(db, firstCallId);
    expect(beforeCrash.scan.speech_segments).toBeGreaterThan(0);
    expect(beforeCrash.scan.utterances).toBeGreaterThan(0);

    // A review through the real store, left in the WAL as a server killed after answering leaves it.
    const store = await openStore(db);
    const review = await addReview(createSerializedDb(store), firstCallId, { userName: 'qa-anna', tokenIssuedBy: null }, { target: 'score', score: 42, comment: 'hold not announced' });
    await store.connection.run('PRAGMA disable_checkpoint_on_shutdown');
    store.close();

    const { child, done } = startCli(['analyze', second!, third!, '--db', db, '--json']);
    let printed = '';
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        if (printed.includes('\n')) resolve();
      });
    });
    child.kill('SIGKILL');
    expect((await done).exitCode).toBeNull();
    const secondCallId = (JSON.parse(printed.split('\n')[0]!) as { call_id: string }).call_id;
    expect(existsSync(`${db}.wal`)).toBe(true);

    // Opened and closed once by any DuckDB client (a notebook, the duckdb shell): replay, then checkpoint.
    const replayed = await DuckDBInstance.create(db);
    replayed.closeSync();
    expect(existsSync(`${db}.wal`)).toBe(false);

    const firstAfter = await countRowsOfCall(db, firstCallId);
    expect(firstAfter.scan).toEqual({ ...beforeCrash.scan, score_history: 2, reviews: 1 });
    expect(firstAfter.lookup).toEqual(firstAfter.scan);
    const secondAfter = await countRowsOfCall(db, secondCallId);
    expect(secondAfter.scan).toMatchObject({ calls: 1, parties: 2, analysis_runs: 1, score_history: 1, reviews: 0 });
    expect(secondAfter.scan.speech_segments).toBeGreaterThan(0);
    expect(secondAfter.lookup).toEqual(secondAfter.scan);

    const reopened = await openStore(db);
    try {
      expect(await listReviews(createSerializedDb(reopened), firstCallId)).toEqual([review]);
      // The primary keys still hold every stored row: a copy of one is refused, not stored twice.
      for (const [table, key] of Object.entries(primaryKeys)) {
        await expect(reopened.connection.run(`INSERT INTO ${table} SELECT * FROM ${table} WHERE call_id = $1 LIMIT 1`, [secondCallId]),
          `${table} (${key})`).rejects.toThrow(/violates primary key/);
      }
      await expect(reopened.connection.run("INSERT INTO calls SELECT * REPLACE (call_id || 'x' AS call_id) FROM calls WHERE call_id = $1", [firstCallId]))
        .rejects.toThrow(/violates unique constraint/);
    } finally {
      reopened.close();
    }

    const rerun = await runCli(['analyze', first!, second!, third!, '--db', db]);
    expect(rerun.exitCode).toBe(0);
    const firstRerun = await countRowsOfCall(db, firstCallId);
    expect(firstRerun.scan).toEqual({ ...beforeCrash.scan, analysis_runs: 2, score_history: 3, reviews: 1 });
    expect((await countRowsOfCall(db, secondCallId)).scan).toEqual({ ...secondAfter.scan, analysis_runs: 2, score_history: 2 });
    expect(await queryDb(db, 'SELECT count(*)::INTEGER AS n FROM calls')).toEqual([{ n: 3 }]);
  }, 180_000); // six analyses in child processes: minutes on a loaded machine
});
