import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../../core/effects.ts';
import { createTempFolder, type TempFolder } from '../../../core/temp-folder.test-helper.ts';
import { openStore, type Store } from '../../../store/index.ts';
import { saveTranscriptCall } from '../../../store/search/search-calls.test-helper.ts';
import { resolveAnalyzeConfig } from '../../../pipeline/analyze-config.ts';
import { resolveSettings, toAnalyzeConfigSpec } from '../../../config/index.ts';
import { createApp } from '../../app.ts';

describe('retention in the server', () => {
  let temp: TempFolder;
  let store: Store;
  beforeAll(async () => {
    temp = await createTempFolder('callqa-retention-');
    store = await openStore(temp.file('callqa.duckdb'));
  });
  afterAll(async () => {
    store.close();
    await temp.remove();
  });

  it('deletes the calls older than retentionDays when it starts, audited as retention; none without the setting', async () => {
    const old = await saveTranscriptCall(store, { name: 'old', language: 'en', utterances: [{ party: 'agent', start: 1, end: 2, text: 'An old call.' }] });
    const recent = await saveTranscriptCall(store, { name: 'recent', language: 'en', utterances: [{ party: 'agent', start: 1, end: 2, text: 'A recent call.' }] });
    await store.connection.run('UPDATE calls SET started_at = now()::TIMESTAMP - INTERVAL 40 DAY WHERE call_id = $1', [old]);
    const analyzeConfig = await resolveAnalyzeConfig(toAnalyzeConfigSpec(resolveSettings({ flags: { modelsDir: temp.file('no-models') } })), silentEffects);
    const calls = async () => (await store.connection.runAndReadAll('SELECT call_id FROM calls ORDER BY call_id')).getRowObjectsJS().map((row) => row.call_id);
    await (await createApp({ store, analyzeConfig })).close();
    expect(await calls()).toEqual([old, recent].sort());
    await (await createApp({ store, analyzeConfig, retentionDays: 30 })).close();
    expect(await calls()).toEqual([recent]);
    const audit = (await store.connection.runAndReadAll('SELECT call_id, reason, deleted_by FROM call_deletions')).getRowObjectsJS();
    expect(audit).toEqual([{ call_id: old, reason: 'retention', deleted_by: null }]);
  });
});
