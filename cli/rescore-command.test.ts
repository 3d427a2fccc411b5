import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { defaultPacksDir } from '../pipeline/rules/index.ts';
import type { RescoreReport } from '../store/rescore/index.ts';
import { queryDb, runCli } from './run-cli.test-helper.ts';

// Real samples analysed by the real binary with a copy of the shipped packs, then a phrase
// list of the copy edited and `callqa rescore` run over the stored calls.
const samplesDir = fileURLToPath(new URL('../samples/calls/', import.meta.url));
const sampleNames = ['en-01-billing-dispute', 'en-02-delivery-delay', 'en-03-tariff-change', 'en-04-broadband-outage',
  'en-05-roaming-charge', 'en-06-delivery-reschedule', 'hu-01-billing-dispute', 'ru-01-billing-dispute'];

let temp: TempFolder;
let dbPath: string;
let packsDir: string;
let originalEnPack: string;

type Row = Record<string, unknown>;
const query = (sql: string): Promise<Row[]> => queryDb(dbPath, sql);
const callIdOf = async (name: string) => String((await query(`SELECT call_id FROM calls WHERE file_name = '${name}.wav'`))[0]?.call_id);
const ruleRows = () => query('SELECT c.file_name, r.rule_id, r.status, r.count, r.evidence::VARCHAR AS evidence FROM rule_results r JOIN calls c USING (call_id) ORDER BY 1, 2');

async function rescore(...filters: string[]): Promise<RescoreReport> {
  const outcome = await runCli(['rescore', '--json', '--db', dbPath, '--rule-packs', packsDir, ...filters]);
  expect(outcome.stderr).not.toContain('callqa:');
  expect(outcome.exitCode).toBe(0);
  return JSON.parse(outcome.stdout) as RescoreReport;
}

function editEnPack(edit: (pack: { lexicons: Record<string, string[]> }) => void): void {
  const pack = JSON.parse(originalEnPack) as { lexicons: Record<string, string[]> };
  edit(pack);
  writeFileSync(path.join(packsDir, 'en.json'), JSON.stringify(pack, null, 2));
}

beforeAll(async () => {
  temp = await createTempFolder('callqa-rescore-');
  dbPath = temp.file('callqa.duckdb');
  packsDir = temp.file('packs');
  cpSync(defaultPacksDir, packsDir, { recursive: true });
  originalEnPack = readFileSync(path.join(packsDir, 'en.json'), 'utf8');
  const analysed = await runCli(['analyze', ...sampleNames.map((name) => path.join(samplesDir, `${name}.wav`)), '--db', dbPath, '--rule-packs', packsDir]);
  expect(analysed.exitCode).toBe(0);
}, 120_000);
afterAll(() => temp.remove());

describe('callqa rescore', () => {
  it('with the packs the calls were analysed with, changes and writes nothing', async () => {
    const before = await query('SELECT call_id, result_json::VARCHAR AS result, last_run_id FROM calls ORDER BY 1');
    const report = await rescore();
    expect(report).toMatchObject({ status: 'ok', calls_rescored: sampleNames.length, calls_written: 0, calls_changed: 0, changes: [] });
    expect(await query('SELECT call_id, result_json::VARCHAR AS result, last_run_id FROM calls ORDER BY 1')).toEqual(before);
    expect(await query('SELECT count(*)::INTEGER AS n FROM result_history')).toEqual([{ n: 0 }]);
    const stored = JSON.parse(String(before[0]?.result)) as { versions: { rule_pack: { hash: string }; scorecard: { hash: string } } };
    expect(Object.values(report.versions.rule_packs).map((version) => version.hash)).toContain(stored.versions.rule_pack.hash);
    expect(report.versions.scorecard.hash).toBe(stored.versions.scorecard.hash);
  }, 60_000);

  it('after a phrase list changes, flips exactly the verdicts that use it, keeps reviews and the old results', async () => {
    const en01 = await callIdOf('en-01-billing-dispute');
    const en04 = await callIdOf('en-04-broadband-outage');
    await withReviews(en01, en04);
    const rulesBefore = await ruleRows();
    const reviewsBefore = await query('SELECT * FROM reviews ORDER BY review_id');
    const scoresBefore = new Map((await query('SELECT call_id, score FROM calls')).map((row) => [row.call_id, row.score]));
    // The follow-up rule is the only one reading the "follow-up" phrases: no English call can pass it now.
    editEnPack((pack) => { pack.lexicons['follow-up'] = ['we shall dispatch a carrier pigeon']; });
    const report = await rescore();

    const passedFollowUp = rulesBefore.filter((row) => row.rule_id === 'follow-up' && row.status === 'pass' && String(row.file_name).startsWith('en-'));
    expect(passedFollowUp.map((row) => row.file_name)).toEqual(['en-01-billing-dispute.wav', 'en-04-broadband-outage.wav', 'en-06-delivery-reschedule.wav']);
    const changedIds = await Promise.all(['en-01-billing-dispute', 'en-04-broadband-outage', 'en-06-delivery-reschedule'].map(callIdOf));
    expect(report.changes.map((change) => change.call_id)).toEqual([...changedIds].sort());
    for (const change of report.changes) {
      expect(change.rules).toEqual([{ rule_id: 'follow-up', before: 'pass', after: 'fail' }]);
      expect(change.score_before).toBe(scoresBefore.get(change.call_id));
      expect(change.score_after).toBeLessThan(change.score_before ?? 0);
    }
    expect(report).toMatchObject({ calls_rescored: sampleNames.length, calls_changed: 3 });

    // Every other verdict, count and evidence is as it was.
    const rulesAfter = await ruleRows();
    const isFlipped = (row: Row) => row.rule_id === 'follow-up' && passedFollowUp.some((passed) => passed.file_name === row.file_name);
    expect(rulesAfter.filter((row) => !isFlipped(row))).toEqual(rulesBefore.filter((row) => !isFlipped(row)));
    expect(rulesAfter.filter(isFlipped).map((row) => row.status)).toEqual(['fail', 'fail', 'fail']);

    // Reviews are untouched and still win over the new machine verdicts.
    expect(await query('SELECT * FROM reviews ORDER BY review_id')).toEqual(reviewsBefore);
    expect(await query(`SELECT status, effective_status FROM effective_rule_results WHERE call_id = '${en01}' AND rule_id = 'follow-up'`))
      .toEqual([{ status: 'fail', effective_status: 'pass' }]);
    expect(await query(`SELECT effective_score FROM effective_calls WHERE call_id = '${en04}'`)).toEqual([{ effective_score: 77 }]);

    // The old results are in the history, the new ones stored under the rescore run, and the diff with the run.
    // Every English result is written anew, judged by the new version of the pack, though only three changed verdicts.
    const history = await query(`SELECT call_id, replaced_by_run_id, score, result_json ->> '$.versions.rule_pack.hash' AS hash FROM result_history ORDER BY call_id`);
    const englishIds = (await query("SELECT call_id FROM calls WHERE language = 'en' ORDER BY 1")).map((row) => row.call_id);
    expect(history.map((row) => row.call_id)).toEqual(englishIds);
    expect(report.calls_written).toBe(6);
    expect(history.every((row) => row.replaced_by_run_id === report.run_id)).toBe(true);
    for (const change of report.changes) expect(history.find((row) => row.call_id === change.call_id)?.score).toBe(change.score_before);
    const stored = await query(`SELECT last_run_id, score, result_json ->> '$.versions.rule_pack.hash' AS hash FROM calls WHERE call_id = '${en01}'`);
    expect(stored).toEqual([{ last_run_id: report.run_id, score: report.changes.find((change) => change.call_id === en01)?.score_after, hash: report.versions.rule_packs.en?.hash }]);
    expect(history.every((row) => row.hash !== stored[0]?.hash)).toBe(true);
    expect(await query(`SELECT count(*)::INTEGER AS n FROM rescore_changes WHERE run_id = '${report.run_id}'`)).toEqual([{ n: 3 }]);
    expect(await query(`SELECT count(*)::INTEGER AS n FROM score_history WHERE run_id = '${report.run_id}'`)).toEqual([{ n: report.calls_written }]);
  }, 60_000);

  it('--agent, --since and --language select the calls it judges', async () => {
    editEnPack(() => {});
    const [en01, en04, en06] = await Promise.all(['en-01-billing-dispute', 'en-04-broadband-outage', 'en-06-delivery-reschedule'].map(callIdOf));
    const byAgent = await rescore('--agent', 'en-a01');
    expect(byAgent).toMatchObject({ calls_rescored: 2, calls_changed: 2 });
    expect(byAgent.changes.map((change) => change.call_id)).toEqual([en01, en06].sort());
    expect(byAgent.changes[0]?.rules).toEqual([{ rule_id: 'follow-up', before: 'fail', after: 'pass' }]);
    expect(await query(`SELECT status FROM rule_results WHERE call_id = '${en04}' AND rule_id = 'follow-up'`)).toEqual([{ status: 'fail' }]);

    const hungarian = await rescore('--language', 'hu');
    expect(hungarian).toMatchObject({ calls_rescored: 1, calls_changed: 0, filters: { language: 'hu', agent: null, since: null } });

    // en-04, en-05 and en-06 took place on or after 22 November; only en-04 still has the old verdict.
    const recent = await rescore('--since', '2026-11-22');
    expect(recent).toMatchObject({ calls_rescored: 3, calls_changed: 1 });
    expect(recent.changes.map((change) => change.call_id)).toEqual([en04]);

    // en-02 and en-03 changed no verdict under the edited pack, but still carry its version: they alone are written back.
    const table = await runCli(['rescore', '--db', dbPath, '--rule-packs', packsDir]);
    expect(table.stdout).toMatch(/^8 calls rescored with rule packs en [0-9a-f]{16}, ru [0-9a-f]{16}, hu [0-9a-f]{16} and scorecard [0-9a-f]{16}: 0 changed, 2 results written \(run [0-9a-f-]{36}\)\n$/);
  }, 60_000);

  it('prints the diff as a table, and refuses a bad filter with the catalogue code', async () => {
    editEnPack((pack) => { pack.lexicons['follow-up'] = ['we shall dispatch a carrier pigeon']; });
    const table = await runCli(['rescore', '--db', dbPath, '--rule-packs', packsDir, '--agent', 'en-a03']);
    const en04 = await callIdOf('en-04-broadband-outage');
    expect(table.stdout).toMatch(new RegExp(`^call +score +verdicts changed\\n${en04}  \\d+\\.\\d → \\d+\\.\\d  follow-up pass→fail\\n2 calls rescored`));
    const bad = await runCli(['rescore', '--db', dbPath, '--since', 'last tuesday']);
    expect(bad).toMatchObject({ exitCode: 2, stdout: '' });
    expect(bad.stderr).toContain('CQA_ERR_CONFIG_INVALID: --since: "last tuesday" is not a date');
  }, 60_000);
});

/** A QA specialist's verdict on en-01's follow-up (pass) and score of en-04 (77), written as the API writes them. */
async function withReviews(en01: string, en04: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(dbPath);
  try {
    const connection = await instance.connect();
    await connection.run(
      `INSERT INTO reviews (review_id, call_id, target, rule_id, before_value, after_value, comment, reviewer, created_at) VALUES
        ('review-1', '${en01}', 'rule', 'follow-up', '{"status": "pass"}', '{"status": "pass"}', 'confirmed', 'qa-1', now()),
        ('review-2', '${en04}', 'score', NULL, '{"score": 92}', '{"score": 77}', 'hold too long', 'qa-1', now())`);
    connection.closeSync();
  } finally {
    instance.closeSync();
  }
}
