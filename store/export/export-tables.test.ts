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
  expectedRows = counts as Record<string, number>;
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
      ['calls', 'utterances', 'events', 'rule_results', 'cdr', 'kpi_contacts', 'kpi_by_day'].map((table) => `${table}.${format}`));
    for (const file of files) {
      expect(await readBack(format, file.filePath)).toBe(file.rows);
      if (file.table in expectedRows) expect(file.rows).toBe(expectedRows[file.table]);
    }
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
