/**
 * The fuzz run: a database that already holds analysed sample calls (one with a QA review),
 * every generated case analysed into it by the real CLI, then a check that the stored calls'
 * rows are byte-identical to before.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { callqaBin } from '../analyze-samples.ts';
import { encodeSources } from './encode-sources.ts';
import { generateCases, type FuzzCase } from './fuzz-cases.ts';
import { failingOutcomes, runCases, type CaseOutcome, type Outcome } from './run-cases.ts';
import { changedTables, snapshotCalls } from './store-snapshot.ts';

const run = promisify(execFile);
const samplesDir = path.resolve(import.meta.dirname, '..', '..', 'samples', 'calls');

export interface FuzzOptions {
  /** Sample call names (without `.wav`) cut into sources. */
  sources: readonly string[];
  /** Sample calls stored (with their transcripts) before the fuzz runs. */
  stored: readonly string[];
  seed: number;
  /** How many of the generated cases run, spread over all families; null runs every case. */
  sliceSize: number | null;
  batchSize: number;
  stallS: number;
  cutS: number;
}

export interface FuzzReport {
  outcomes: CaseOutcome[];
  storedCalls: number;
  changedTables: string[];
  wallS: number;
}

async function storeSampleCalls(dbPath: string, names: readonly string[]): Promise<string[]> {
  const { stdout } = await run(process.execPath, [callqaBin, 'analyze', '--db', dbPath, '--json', ...names.map((name) => path.join(samplesDir, `${name}.wav`))], { maxBuffer: 1 << 26 });
  const callIds = stdout.trim().split('\n').map((line) => JSON.parse(line) as { call_id: string | null; status: string })
    .map((result) => (result.status === 'ok' && result.call_id ? result.call_id : null));
  if (callIds.includes(null)) throw new Error(`a sample call failed to analyse into ${dbPath}; the fuzz needs them stored`);
  const instance = await DuckDBInstance.create(dbPath);
  try {
    const connection = await instance.connect();
    await connection.run(
      "INSERT INTO reviews (review_id, call_id, target, rule_id, before_value, after_value, comment, reviewer, created_at) VALUES ('fuzz-review', $1, 'score', NULL, '80', '55', 'greeting missed', 'qa-fuzz', TIMESTAMPTZ '2026-01-02 03:04:05+00')",
      [callIds[0]!],
    );
    connection.closeSync();
  } finally {
    instance.closeSync();
  }
  return callIds as string[];
}

/** The first case of each family and container, then evenly spaced ones, up to `size`. */
export function selectSlice(cases: readonly FuzzCase[], size: number): FuzzCase[] {
  const chosen = new Set<FuzzCase>();
  const seen = new Set<string>();
  for (const fuzzCase of cases) {
    for (const key of [`family ${fuzzCase.family}`, `container ${fuzzCase.container}`]) {
      if (!seen.has(key) && chosen.size < size) {
        seen.add(key);
        chosen.add(fuzzCase);
      }
    }
  }
  const stride = cases.length / size;
  for (let index = 0; chosen.size < Math.min(size, cases.length); index++) chosen.add(cases[Math.floor((index * stride) % cases.length)] ?? cases[index % cases.length]!);
  return cases.filter((fuzzCase) => chosen.has(fuzzCase));
}

export async function runFuzz(options: FuzzOptions, log: (line: string) => void): Promise<FuzzReport> {
  const startedMs = Date.now();
  const workDir = await mkdtemp(path.join(tmpdir(), 'callqa-fuzz-'));
  try {
    const dbPath = path.join(workDir, 'fuzz.duckdb');
    const callIds = await storeSampleCalls(dbPath, options.stored);
    const before = await snapshotCalls(dbPath, callIds);
    const sources = await encodeSources(options.sources.map((name) => path.join(samplesDir, `${name}.wav`)), options.cutS, workDir);
    const generated = await generateCases(sources, workDir, options.seed);
    const cases = options.sliceSize === null ? generated : selectSlice(generated, options.sliceSize);
    log(`fuzz: ${cases.length} of ${generated.length} generated files against ${callIds.length} stored calls (${workDir})`);
    const outcomes = await runCases(cases, dbPath, { batchSize: options.batchSize, stallS: options.stallS });
    const after = await snapshotCalls(dbPath, callIds);
    return { outcomes, storedCalls: callIds.length, changedTables: changedTables(before, after), wallS: (Date.now() - startedMs) / 1000 };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export function isFuzzClean(report: FuzzReport): boolean {
  return report.changedTables.length === 0 && report.outcomes.every(({ outcome }) => !failingOutcomes.has(outcome));
}

const outcomeColumns: readonly Outcome[] = ['clear-error', 'correct-ok', 'wrong-ok', 'unclear-error', 'internal-error', 'hang'];

function countTable(title: string, outcomes: readonly CaseOutcome[], keyOf: (outcome: CaseOutcome) => string): string[] {
  const rows = new Map<string, Map<Outcome, number>>();
  for (const outcome of outcomes) {
    const row = rows.get(keyOf(outcome)) ?? new Map<Outcome, number>();
    row.set(outcome.outcome, (row.get(outcome.outcome) ?? 0) + 1);
    rows.set(keyOf(outcome), row);
  }
  const width = Math.max(title.length, ...[...rows.keys()].map((key) => key.length));
  const line = (key: string, cells: readonly string[]) => [key.padEnd(width), ...cells.map((cell, index) => cell.padStart(outcomeColumns[index]!.length))].join('  ');
  return [
    line(title, outcomeColumns),
    ...[...rows].sort(([a], [b]) => a.localeCompare(b)).map(([key, row]) => line(key, outcomeColumns.map((column) => String(row.get(column) ?? 0)))),
  ];
}

/** The counts per family and per container, every failing file, and the store check. */
export function formatFuzzReport(report: FuzzReport): string {
  const failures = report.outcomes.filter(({ outcome }) => failingOutcomes.has(outcome));
  return [
    ...countTable('family', report.outcomes, ({ fuzzCase }) => fuzzCase.family),
    '',
    ...countTable('container', report.outcomes, ({ fuzzCase }) => fuzzCase.container),
    '',
    ...countTable('all', report.outcomes, () => `${report.outcomes.length} files`),
    '',
    ...failures.map(({ fuzzCase, outcome, detail }) => `${outcome}: ${path.basename(fuzzCase.filePath)} (${fuzzCase.family}, ${fuzzCase.container}): ${detail}`),
    report.changedTables.length === 0
      ? `stored calls: ${report.storedCalls} unchanged (every row of every call_id table byte-identical)`
      : `stored calls CHANGED in: ${report.changedTables.join(', ')}`,
    `wall time: ${report.wallS.toFixed(1)} s`,
  ].join('\n');
}
