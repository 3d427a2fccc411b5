import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { openStore } from '../store/index.ts';
import { saveTranscriptCall } from '../store/search/search-calls.test-helper.ts';
import { queryDb, runCli } from './run-cli.test-helper.ts';

describe('callqa reindex', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder('callqa-reindex-');
  });
  afterAll(() => temp.remove());

  it('rebuilds the search index of a database whose calls have no terms (as before schema version 8)', async () => {
    const dbPath = temp.file('callqa.duckdb');
    const store = await openStore(dbPath);
    await saveTranscriptCall(store, { name: 'hu', language: 'hu', utterances: [{ party: 'customer', start: 1, end: 2, text: 'A számlámról szeretnék kérdezni.' }] });
    await store.connection.run('DELETE FROM search_terms');
    store.close();
    const outcome = await runCli(['reindex', '--db', dbPath]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stderr).toContain(`${dbPath}: search index rebuilt from 1 utterances`);
    expect(await queryDb(dbPath, 'SELECT position, term FROM search_terms ORDER BY position')).toEqual([
      { position: 0, term: 'hu:a' }, { position: 1, term: 'hu:száml' }, { position: 2, term: 'hu:szeretn' }, { position: 3, term: 'hu:kérdezn' },
    ]);
  });
});
