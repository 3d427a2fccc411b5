/**
 * Analyses the sample recordings with the real CLI (`callqa analyze … --json`) into a
 * throw-away DuckDB file, so the eval measures exactly what a user gets, and pairs each
 * printed result with its recording by the path it was given under.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { CallResult } from '../pipeline/result/call-result.ts';
import type { SampleRecording } from './load-truth.ts';

export const callqaBin = path.resolve(import.meta.dirname, '..', 'bin', 'callqa.js');

export type SampleAnalysis =
  | { recording: SampleRecording; status: 'ok'; result: CallResult }
  | { recording: SampleRecording; status: 'error'; error: string };

/** Exit codes of `callqa analyze` after which the printed results are complete (docs/errors.md). */
const completedExitCodes = new Set([0, 1]);

function runCli(args: readonly string[]): Promise<{ exitCode: number | null; stdout: string }> {
  // stderr passes through: the CLI's progress lines tell the user how far the eval has got.
  const child = spawn(process.execPath, [callqaBin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout }));
  });
}

function describeResultLine(line: string): { source: string; result: CallResult } | { source: string; invalid: string } | null {
  const parsed: unknown = JSON.parse(line);
  if (typeof parsed !== 'object' || parsed === null || !('source' in parsed) || typeof parsed.source !== 'string') return null;
  if (Value.Check(CallResult, parsed)) return { source: parsed.source, result: parsed };
  const firstError = Value.Errors(CallResult, parsed).First();
  return { source: parsed.source, invalid: `result is not callqa.call/1: ${firstError?.path ?? ''} ${firstError?.message ?? ''}`.trim() };
}

/**
 * One analysis per recording, in the given order. A recording that failed (an error result,
 * an invalid result, or none printed) comes back as `status: 'error'`; a failure of the whole
 * command (bad database, missing ffmpeg) throws.
 */
export async function analyzeSamples(recordings: readonly SampleRecording[]): Promise<SampleAnalysis[]> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'callqa-eval-'));
  try {
    const args = ['analyze', ...recordings.map((recording) => recording.audioPath), '--json', '--db', path.join(workDir, 'eval.duckdb')];
    const { exitCode, stdout } = await runCli(args);
    if (exitCode === null || !completedExitCodes.has(exitCode)) {
      throw new Error(`callqa analyze failed as a whole (exit ${exitCode ?? 'by signal'}); its message is above`);
    }
    const printed = stdout.split('\n').filter((line) => line.trim() !== '').map(describeResultLine);
    return recordings.map((recording): SampleAnalysis => {
      const found = printed.find((entry) => entry?.source === recording.audioPath);
      if (!found) return { recording, status: 'error', error: 'callqa printed no result for it' };
      if ('invalid' in found) return { recording, status: 'error', error: found.invalid };
      if (found.result.status === 'error') {
        return { recording, status: 'error', error: `${found.result.error?.code ?? 'error'}: ${found.result.error?.message ?? ''}` };
      }
      return { recording, status: 'ok', result: found.result };
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
