/**
 * A folder of recordings named the way a PBX exports them, analysed with `--name-pattern` and no
 * CDR, gives agents, queues and dates: the agent dashboard and coaching flags are populated.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../api/app.ts';
import { createSerializedDb } from '../api/services/serialized-db.ts';
import { issueToken } from '../api/services/tokens.ts';
import { resolveSettings, toAnalyzeConfigSpec } from '../config/index.ts';
import { silentEffects } from '../core/effects.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { openStore } from '../store/index.ts';
import { runCli } from './run-cli.test-helper.ts';

/** Six English samples, three per agent, renamed as a PBX would; their metadata sidecars are left behind. */
const exported: readonly [sample: string, name: string][] = [
  ['en-01-billing-dispute', '20241104-091500_a-77_billing_in'],
  ['en-02-delivery-delay', '20241105-101500_a-77_delivery_in'],
  ['en-03-tariff-change', '20241106-111500_a-77_sales_out'],
  ['en-04-broadband-outage', '20241104-121500_a-88_technical_in'],
  ['en-05-roaming-charge', '20241112-131500_a-88_billing_in'],
  ['en-06-delivery-reschedule', '20241113-141500_a-88_delivery_out'],
];

describe('analyze --name-pattern', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
    await mkdir(temp.file('export'));
    for (const [sample, name] of exported) {
      await copyFile(`samples/calls/${sample}.wav`, temp.file(`export/${name}.wav`));
      await copyFile(`samples/calls/${sample}.transcript.json`, temp.file(`export/${name}.transcript.json`));
    }
  });
  afterAll(() => temp.remove());

  it('fills agent, queue, direction and date from the names, and the dashboard and coaching flags from them', async () => {
    const db = temp.file('calls.duckdb');
    const outcome = await runCli(['analyze', temp.file('export'), '--db', db, '--json', '--models-dir', temp.file('no-models'),
      '--name-pattern', '{date:YYYYMMDD}-{time:HHmmss}_{agent}_{queue}_{direction}.wav']);
    expect(outcome.exitCode).toBe(0);
    const results = outcome.stdout.trim().split('\n').map((line) => JSON.parse(line) as {
      source: string; agent_id: string; metadata: { started_at: string; queue: string; direction: string; sources: Record<string, string> };
    });
    const first = results.find((result) => result.source.endsWith('20241104-091500_a-77_billing_in.wav'))!;
    expect([first.agent_id, first.metadata.started_at, first.metadata.queue, first.metadata.direction])
      .toEqual(['a-77', '2024-11-04T09:15:00', 'billing', 'inbound']);
    expect(first.metadata.sources).toEqual({ agent_id: 'file-name', started_at: 'file-name', queue: 'file-name', direction: 'file-name' });

    const store = await openStore(db);
    const analyzeConfig = await resolveAnalyzeConfig(toAnalyzeConfigSpec(resolveSettings({ flags: { modelsDir: temp.file('no-models') } })), silentEffects);
    const app = await createApp({ store, analyzeConfig });
    try {
      const token = await issueToken(createSerializedDb(store), { userName: 'sup', role: 'supervisor' }, { label: 'cli' });
      const get = async <T>(url: string) => {
        const response = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } });
        expect(response.statusCode, url).toBe(200);
        return response.json() as T;
      };
      const weeks = await get<{ agent_id: string; period_start: string; calls: number }[]>('/agents/stats?period=week');
      expect(weeks.map((row) => [row.agent_id, row.period_start.slice(0, 10), row.calls])).toEqual([
        ['a-77', '2024-11-04', 3], ['a-88', '2024-11-04', 1], ['a-88', '2024-11-11', 2],
      ]);
      const { flags } = await get<{ flags: { agent_id: string; rule_id: string }[] }>('/agents/coaching-flags');
      expect(flags.length).toBeGreaterThan(0);
      for (const flag of flags) expect(['a-77', 'a-88']).toContain(flag.agent_id);
      const outbound = await get<{ items: { file_name: string }[] }>('/calls?direction=outbound&sort=started_at&order=asc');
      expect(outbound.items.map((item) => item.file_name)).toEqual(['20241106-111500_a-77_sales_out.wav', '20241113-141500_a-88_delivery_out.wav']);
    } finally {
      await app.close();
      store.close();
    }
  });
});
