/**
 * A call analysed by `callqa analyze`, then given its agent by `callqa import-cdr`, must name
 * that agent everywhere the API serves the call: the list, the detail (row and stored result),
 * agent figures and exports.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../core/effects.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { createApp } from '../api/app.ts';
import { createSerializedDb } from '../api/services/serialized-db.ts';
import { issueToken } from '../api/services/tokens.ts';
import { resolveSettings, toAnalyzeConfigSpec } from '../config/index.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { openStore } from '../store/index.ts';
import { cdrHeader } from '../store/kpi/kpi-fixture.test-helper.ts';
import { runCli } from './run-cli.test-helper.ts';

/** The sample and its transcript, without its metadata sidecar: the CDR is the only source of its agent. */
async function copySample(folder: string): Promise<string> {
  await copyFile('samples/calls/en-01-billing-dispute.transcript.json', `${folder}/en-01-billing-dispute.transcript.json`);
  await copyFile('samples/calls/en-01-billing-dispute.wav', `${folder}/en-01-billing-dispute.wav`);
  return `${folder}/en-01-billing-dispute.wav`;
}

describe('analyze, then import-cdr', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it('serves the CDR agent in the list, the detail, the stored result, agent stats and exports', async () => {
    const db = temp.file('calls.duckdb');
    const recording = await copySample(temp.folder);
    const analysed = await runCli(['analyze', recording, '--db', db, '--json', '--models-dir', temp.file('no-models')]);
    expect(analysed.exitCode).toBe(0);
    const { call_id: callId, agent_id: analysedAgent } = JSON.parse(analysed.stdout) as { call_id: string; agent_id: string | null };
    expect(analysedAgent).toBeNull();
    const csv = temp.file('cdr.csv');
    await writeFile(csv, `${cdrHeader}\np-1,en-01-billing-dispute.wav,billing,en-a01,c-1,2024-03-04T09:00:00,2024-03-04T09:00:10,2024-03-04T09:05:10,false,,false,false,30\n`);
    const imported = await runCli(['import-cdr', csv, '--db', db]);
    expect(imported.stdout).toContain('1 linked');

    const store = await openStore(db);
    const analyzeConfig = await resolveAnalyzeConfig(toAnalyzeConfigSpec(resolveSettings({ flags: { modelsDir: temp.file('no-models') } })), silentEffects);
    const app = await createApp({ store, analyzeConfig });
    try {
      const token = await issueToken(createSerializedDb(store), { userName: 'sup', role: 'admin' }, { label: 'cli' });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const get = async (path: string) => {
        const response = await fetch(`${address}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status, path).toBe(200);
        return response;
      };
      const list = (await (await get('/calls?queue=billing')).json()) as { items: { call_id: string; agent_id: string | null; started_at: string | null }[] };
      expect(list.items.map((item) => [item.call_id, item.agent_id, item.started_at])).toEqual([[callId, 'en-a01', '2024-03-04T09:00:10']]);
      const detail = (await (await get(`/calls/${callId}`)).json()) as {
        call: { agent_id: string; queue: string }; result: { agent_id: string; metadata: { queue: string; sources: Record<string, string> } };
      };
      expect([detail.call.agent_id, detail.result.agent_id, detail.call.queue, detail.result.metadata.queue]).toEqual(['en-a01', 'en-a01', 'billing', 'billing']);
      expect(detail.result.metadata.sources).toMatchObject({ agent_id: 'cdr', queue: 'cdr', started_at: 'cdr' });
      const stats = (await (await get('/agents/stats?period=month')).json()) as { agent_id: string; calls: number }[];
      expect(stats.map((row) => [row.agent_id, row.calls])).toEqual([['en-a01', 1]]);
      const exported = await (await get('/exports/calls.csv')).text();
      expect(exported).toContain('en-a01');
    } finally {
      await app.close();
      store.close();
    }

    // Re-analysing the same bytes keeps what the CDR gave.
    const again = await runCli(['analyze', recording, '--db', db, '--json', '--models-dir', temp.file('no-models')]);
    const reanalysed = JSON.parse(again.stdout) as { agent_id: string; metadata: { queue: string; started_at: string; sources: Record<string, string> } };
    expect([reanalysed.agent_id, reanalysed.metadata.queue, reanalysed.metadata.started_at]).toEqual(['en-a01', 'billing', '2024-03-04T09:00:10']);
    expect(reanalysed.metadata.sources).toMatchObject({ agent_id: 'cdr', queue: 'cdr' });
  });
});
