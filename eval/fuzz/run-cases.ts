/**
 * Runs fuzz cases through the real CLI (`callqa analyze --json`, many files per child
 * process, into one database) and sorts each file's outcome. A child that prints no result
 * for `stallS` seconds is killed: the file it was on is a hang, and the rest run again.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { callqaBin } from '../analyze-samples.ts';
import type { FuzzCase } from './fuzz-cases.ts';

export type Outcome = 'clear-error' | 'correct-ok' | 'wrong-ok' | 'unclear-error' | 'internal-error' | 'hang';

/** Outcomes that make the fuzz fail. */
export const failingOutcomes: ReadonlySet<Outcome> = new Set(['wrong-ok', 'unclear-error', 'internal-error', 'hang']);

export interface CaseOutcome {
  fuzzCase: FuzzCase;
  outcome: Outcome;
  /** The code, or the reported length against the expected one. */
  detail: string;
}

interface PrintedResult {
  source: string;
  status: 'ok' | 'error';
  duration_s: number | null;
  channels: number | null;
  error?: { code: string; message: string };
}

/** Seconds an ok may be off: encoders pad and decoders conceal a damaged frame. */
const sameToleranceS = (durationS: number) => Math.max(0.25, 0.05 * durationS);
/** A cut keeps about its share of bytes as audio, give or take headers and variable bit rate. */
const heldToleranceS = (durationS: number) => 0.5 + 0.15 * durationS;

export function classify(fuzzCase: FuzzCase, result: PrintedResult): CaseOutcome {
  const expect = fuzzCase.expect;
  if (result.status === 'error') {
    const code = result.error?.code ?? 'no code';
    if (code === 'CQA_ERR_INTERNAL' || !code.startsWith('CQA_ERR_')) return { fuzzCase, outcome: 'internal-error', detail: `${code}: ${result.error?.message ?? ''}` };
    const message = result.error?.message ?? '';
    const named = [path.basename(fuzzCase.filePath), fuzzCase.alsoNamed].some((name) => name !== undefined && message.includes(name));
    return { fuzzCase, outcome: named ? 'clear-error' : 'unclear-error', detail: named ? code : `${code}: ${message}` };
  }
  const reported = `ok ${result.duration_s ?? 'null'} s, ${result.channels ?? 'null'} ch`;
  if (expect.kind === 'error') return { fuzzCase, outcome: 'wrong-ok', detail: `${reported}; expected an error` };
  const expectedS = expect.kind === 'same' ? expect.durationS : expect.durationS * expect.fraction;
  const toleranceS = expect.kind === 'same' ? sameToleranceS(expect.durationS) : heldToleranceS(expect.durationS);
  const correct = result.duration_s !== null && Math.abs(result.duration_s - expectedS) <= toleranceS && result.channels === expect.channels;
  return {
    fuzzCase,
    outcome: correct ? 'correct-ok' : 'wrong-ok',
    detail: correct ? 'ok' : `${reported}; expected ${expectedS.toFixed(2)} ± ${toleranceS.toFixed(2)} s, ${expect.channels} ch`,
  };
}

interface BatchRun {
  results: PrintedResult[];
  stalled: boolean;
  exitCode: number | null;
  stderr: string;
}

function runBatch(files: readonly string[], dbPath: string, stallS: number): Promise<BatchRun> {
  const child = spawn(process.execPath, [callqaBin, 'analyze', '--db', dbPath, '--json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
  const results: PrintedResult[] = [];
  let pending = '';
  let stderr = '';
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const armTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      child.kill('SIGKILL');
    }, stallS * 1000);
  };
  armTimer();
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines.filter((text) => text.trim())) {
      results.push(JSON.parse(line) as PrintedResult);
      armTimer();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ results, stalled, exitCode, stderr });
    });
  });
}

/** Exit codes after which `callqa analyze` has printed a result for every file (docs/errors.md). */
const completedExitCodes = new Set([0, 1]);

/** Every case's outcome, in the cases' order; `batchSize` files share one child process. */
export async function runCases(cases: readonly FuzzCase[], dbPath: string, options: { batchSize: number; stallS: number }): Promise<CaseOutcome[]> {
  const outcomes = new Map<FuzzCase, CaseOutcome>();
  let queue = [...cases];
  while (queue.length > 0) {
    const batch = queue.slice(0, options.batchSize);
    queue = queue.slice(options.batchSize);
    const run = await runBatch(batch.map((fuzzCase) => fuzzCase.filePath), dbPath, options.stallS);
    const bySource = new Map(run.results.map((result) => [result.source, result]));
    const unanswered = batch.filter((fuzzCase) => !bySource.has(fuzzCase.filePath));
    for (const fuzzCase of batch) {
      const result = bySource.get(fuzzCase.filePath);
      if (result) outcomes.set(fuzzCase, classify(fuzzCase, result));
    }
    if (unanswered.length === 0) continue;
    const [stuck, ...rest] = unanswered;
    const detail = run.stalled
      ? `no result within ${options.stallS} s`
      : `the CLI exited ${run.exitCode ?? 'by signal'} without a result${completedExitCodes.has(run.exitCode ?? -1) ? '' : `: ${run.stderr.trim().split('\n').at(-1) ?? ''}`}`;
    outcomes.set(stuck!, { fuzzCase: stuck!, outcome: run.stalled ? 'hang' : 'internal-error', detail });
    queue = [...rest, ...queue];
  }
  return cases.map((fuzzCase) => outcomes.get(fuzzCase)!);
}
