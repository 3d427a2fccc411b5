import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdrHeader } from '../store/kpi/kpi-fixture.test-helper.ts';
import { runCli } from './run-cli.test-helper.ts';

// import-cdr, kpi and export through the real binary: output, error codes and exit statuses.
let folder: string;
let dbPath: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'callqa-kpi-cli-'));
  dbPath = path.join(folder, 'callqa.duckdb');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function writeCsv(name: string, text: string): string {
  const filePath = path.join(folder, name);
  writeFileSync(filePath, text);
  return filePath;
}

describe('callqa import-cdr, kpi, export', () => {
  it('imports a CDR file, prints KPIs as a table and as JSON, and exports', async () => {
    const csvPath = writeCsv('cdr.csv', `${cdrHeader}\np1,x.wav,sales,a1,c1,2024-03-04T09:00:00,2024-03-04T09:00:10,2024-03-04T09:05:10,false,,false,false,30\n`);
    const imported = await runCli(['import-cdr', csvPath, '--db', dbPath]);
    expect(imported).toMatchObject({ exitCode: 0, stdout: `${csvPath}: 1 rows imported, 0 linked to recordings, 1 unlinked\n` });
    const table = await runCli(['kpi', '--by', 'queue', '--db', dbPath]);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(/^queue\s+contacts\s+offered\s+SL/);
    expect(table.stdout).toMatch(/\nsales\s+1\s+1\s+100\.0%/);
    const json = await runCli(['kpi', '--by', 'day', '--json', '--db', dbPath]);
    expect(JSON.parse(json.stdout)).toMatchObject([{ group_key: '2024-03-04', contacts: 1, avg_speed_of_answer_s: 10, avg_handle_s: 330 }]);
    const exported = await runCli(['export', '--format', 'csv', '--out', path.join(folder, 'out'), '--db', dbPath]);
    expect(exported.exitCode).toBe(0);
    expect(exported.stdout).toContain(`${path.join(folder, 'out', 'cdr.csv')}\t1\n`);
  });

  it('fails with the catalogue code and exit status', async () => {
    const badCsv = writeCsv('bad.csv', `${cdrHeader.replace('acw_s', 'wrap_s')}\n`);
    const cases: Array<[string[], string, number]> = [
      [['import-cdr', badCsv, '--db', dbPath], 'CQA_ERR_CDR_COLUMNS', 3],
      [['import-cdr', writeCsv('bool.csv', `${cdrHeader}\np9,,q,,,2024-03-04T09:00:00,,,maybe,,,,\n`), '--db', dbPath], 'CQA_ERR_CDR_VALUE', 3],
      [['import-cdr', path.join(folder, 'absent.csv'), '--db', dbPath], 'CQA_ERR_INPUT_NOT_FOUND', 2],
      [['kpi', '--by', 'team', '--db', dbPath], 'CQA_ERR_CONFIG_INVALID', 2],
      [['export', '--format', 'xlsx', '--out', folder, '--db', dbPath], 'CQA_ERR_CONFIG_INVALID', 2],
      [['export', '--format', 'csv', '--out', path.join(badCsv, 'sub'), '--db', dbPath], 'CQA_ERR_EXPORT_WRITE', 5],
    ];
    for (const [args, code, exitCode] of cases) {
      const outcome = await runCli(args);
      expect({ args, code: /callqa: (CQA_ERR_[A-Z_]+)/.exec(outcome.stderr)?.[1], exitCode: outcome.exitCode }).toEqual({ args, code, exitCode });
    }
  });
});
