import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempStore, queryRows, type TempStore } from '../kpi/kpi-fixture.test-helper.ts';
import { generateSyntheticCalls } from '../synthetic/generate-calls.ts';
import { exportTables, type ExportFormat } from './export-tables.ts';

let temp: TempStore;
let expectedRows: Record<string, number>;
beforeAll(async () => {
  temp = await createTempStore();
  await generateSyntheticCalls(temp.store, { calls: 300, seed: 3 });
  const [counts] = await queryRows(temp.store, `SELECT (SELECT count(*) FROM calls)::INTEGER AS calls, (SELECT count(*) FROM utterances)::INTEGER AS utterances,
    (SELECT count(*) FROM events)::INTEGER AS events, (SELECT count(*) FROM rule_results)::INTEGER AS rule_results, (SELECT count(*) FROM cdr)::INTEGER AS cdr`);
  expectedRows = { ...(counts as Record<string, number>), conversation_metrics: 2 };
  // One call carries metrics for both parties: the export flattens them, one row per party.
  const partyMetrics = (party: string, channel: number, wpm: number | null) => ({
    party, channel, speech_s: 30, talk_speed: { words_per_minute: wpm, syllables_per_s: 4.1, measured_by: 'transcript', fast_share: 0.5, too_fast: party === 'agent' ? true : null },
    monologue: { threshold_s: 60, longest_s: 75.5, over_threshold_s: 75.5, call_share: 0.25, over_threshold: [{ start: 1, end: 76.5 }] },
    loudness: { speech_dbfs: -21.5, series_dbfs: [], raised_voice: [{ start: 3, end: 9, rise_db: 8.2 }] },
    pitch: { voiced_s: 12, median_hz: 110, range_st: 4.5, monotony_st: 1.9, series_hz: [] },
  });
  const metrics = { window_s: 1, parties: [partyMetrics('agent', 0, 190), partyMetrics('customer', 1, null)], non_talk: { min_gap_s: 3, total_s: 12.5, count: 2, call_share: 0.04, dead_air_s: 6, hold_s: 0 } };
  await temp.store.connection.run(`UPDATE calls SET result_json = '${JSON.stringify({ metrics })}' WHERE call_id = (SELECT max(call_id) FROM calls)`);
});
afterAll(() => temp.cleanup());

async function readBack(format: ExportFormat, filePath: string): Promise<number> {
  if (format === 'arrow') return tableFromIPC(readFileSync(filePath)).numRows;
  const reader = format === 'parquet' ? `read_parquet('${filePath}')` : `read_csv('${filePath}', header = true)`;
  const [row] = await queryRows(temp.store, `SELECT count(*)::INTEGER AS n FROM ${reader}`);
  return row!.n as number;
}

describe('exportTables', () => {
  it.each(['parquet', 'arrow', 'csv'] as const)('writes every table as %s and reads back the same rows', async (format) => {
    const outDir = path.join(temp.folder, format);
    const files = await exportTables(temp.store, { format, outDir, since: null });
    expect(files.map((file) => path.basename(file.filePath))).toEqual(
      ['calls', 'utterances', 'events', 'rule_results', 'conversation_metrics', 'cdr', 'kpi_contacts', 'kpi_by_day'].map((table) => `${table}.${format}`));
    for (const file of files) {
      expect(await readBack(format, file.filePath)).toBe(file.rows);
      if (file.table in expectedRows) expect(file.rows).toBe(expectedRows[file.table]);
    }
  });

  it('writes one conversation_metrics row per party of a call with metrics, its figures typed', async () => {
    const files = await exportTables(temp.store, { format: 'parquet', outDir: path.join(temp.folder, 'metrics'), since: null });
    const rows = await queryRows(temp.store, `SELECT * FROM read_parquet('${files.find((file) => file.table === 'conversation_metrics')!.filePath}')`);
    expect(rows).toMatchObject([
      { party: 'agent', channel: 0, words_per_minute: 190, too_fast: true, longest_monologue_s: 75.5, raised_voice_count: 1, pitch_monotony_st: 1.9, call_non_talk_s: 12.5 },
      { party: 'customer', channel: 1, words_per_minute: null, too_fast: null, speech_dbfs: -21.5, pitch_range_st: 4.5 },
    ]);
  });

  it('keeps Arrow types: timestamps, integers, doubles and JSON as text', async () => {
    const [file] = await exportTables(temp.store, { format: 'arrow', outDir: path.join(temp.folder, 'typed'), since: null });
    const table = tableFromIPC(readFileSync(file!.filePath));
    expect(String(table.schema.fields.find((field) => field.name === 'duration_s')!.type)).toBe('Float64');
    expect(String(table.schema.fields.find((field) => field.name === 'size_bytes')!.type)).toBe('Int64');
    expect(String(table.schema.fields.find((field) => field.name === 'analysed_at')!.type)).toMatch(/Timestamp/);
    expect(table.get(0)!.result_json).toBe('{}');
  });

  it('--since keeps only contacts offered from that day, with their recordings', async () => {
    const files = await exportTables(temp.store, { format: 'parquet', outDir: path.join(temp.folder, 'since'), since: '2024-03-01' });
    const [expected] = await queryRows(temp.store, "SELECT count(*)::INTEGER AS cdr, count(recording_call_id)::INTEGER AS calls FROM cdr WHERE offered_at >= '2024-03-01'");
    expect(files.find((file) => file.table === 'cdr')!.rows).toBe(expected!.cdr);
    expect(files.find((file) => file.table === 'calls')!.rows).toBe(expected!.calls);
  });
});
