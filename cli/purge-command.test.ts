import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { openStore } from '../store/index.ts';
import { saveTranscriptCall } from '../store/search/search-calls.test-helper.ts';
import { queryDb, runCli } from './run-cli.test-helper.ts';

describe('callqa purge', () => {
  let temp: TempFolder;
  let dbPath: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    temp = await createTempFolder('callqa-purge-');
    dbPath = temp.file('callqa.duckdb');
    const store = await openStore(dbPath);
    for (const name of ['old', 'older', 'recent']) {
      ids[name] = await saveTranscriptCall(store, { name, language: 'en', utterances: [{ party: 'agent', start: 1, end: 2, text: `The ${name} call.` }] });
    }
    await store.connection.run("UPDATE calls SET started_at = TIMESTAMP '2023-06-01 09:00:00' WHERE call_id = $1", [ids.old!]);
    await store.connection.run("UPDATE calls SET started_at = TIMESTAMP '2020-06-01 09:00:00' WHERE call_id = $1", [ids.older!]);
    store.close();
  });
  afterAll(() => temp.remove());

  it('deletes the calls that took place before the date, with their search index, and audits each', async () => {
    const outcome = await runCli(['purge', '--before', '2024-01-01', '--db', dbPath]);
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(outcome.stdout.trim().split('\n').map((line) => line.split('\t')[0]).sort()).toEqual([ids.old, ids.older].sort());
    expect(outcome.stderr).toContain('2 calls that took place before 2024-01-01T00:00:00.000Z deleted');
    expect(await queryDb(dbPath, 'SELECT call_id FROM calls')).toEqual([{ call_id: ids.recent }]);
    expect(await queryDb(dbPath, 'SELECT DISTINCT call_id FROM search_terms')).toEqual([{ call_id: ids.recent }]);
    expect(await queryDb(dbPath, "SELECT reason, deleted_by, rows_deleted->>'utterances' AS utterances FROM call_deletions ORDER BY call_id"))
      .toEqual([{ reason: 'request', deleted_by: null, utterances: '1' }, { reason: 'request', deleted_by: null, utterances: '1' }]);
  });

  it('uses the retention period without --before, and refuses to guess without either', async () => {
    const kept = await runCli(['purge', '--retention-days', '1', '--db', dbPath]);
    expect(kept.exitCode).toBe(0);
    expect(kept.stderr).toContain('0 calls');
    const unbounded = await runCli(['purge', '--db', dbPath]);
    expect(unbounded.exitCode).toBe(2);
    expect(unbounded.stderr).toContain('CQA_ERR_CONFIG_INVALID');
    expect((await runCli(['purge', '--before', 'last year', '--db', dbPath])).stderr).toContain('--before must be an ISO date');
    expect(await queryDb(dbPath, 'SELECT count(*)::INTEGER AS n FROM calls')).toEqual([{ n: 1 }]);
  });
});
