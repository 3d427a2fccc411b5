/**
 * End to end: `npm run eval` on two sample calls through the real CLI. Checks the shape of
 * the report and the exit status it implies, never accuracy values, which move as the
 * stages improve.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalReport } from './report.ts';

const evalEntry = path.resolve(import.meta.dirname, 'run.ts');

function runEval(args: readonly string[]): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', evalEntry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr })));
}

// Generous: each run analyses real audio, and later stages (transcription) will load models.
const analysisTimeoutMs = 300_000;

describe('npm run eval', () => {
  it('prints one JSON report for the selected calls, per language and overall', async () => {
    const { exitCode, stdout, stderr } = await runEval(['--only', 'en-01,ru-04', '--json']);
    const report = JSON.parse(stdout) as EvalReport;
    expect(report.schema).toBe('callqa.eval/1');
    expect(report.recordings).toEqual([
      { label: 'calls/en-01-billing-dispute.wav', language: 'en', status: 'ok' },
      { label: 'calls/ru-04-internet-outage.wav', language: 'ru', status: 'ok' },
    ]);
    expect(Object.keys(report.groups)).toEqual(['en', 'ru', 'overall']);
    for (const figures of Object.values(report.groups)) {
      expect(Object.keys(figures)).toEqual(expect.arrayContaining(['interruption.agent.f1', 'hold.f1', 'rule.greeting.agreement', 'talk_time.agent.max_error']));
      for (const measure of Object.values(figures)) {
        if (measure.value === null) expect(measure.reason).toEqual(expect.any(String));
        else expect(measure.n).toBeGreaterThan(0);
      }
    }
    expect(report.checks.length).toBeGreaterThan(0);
    expect(exitCode).toBe(report.verdict.passed ? 0 : 1);
    expect(stderr).toContain(report.verdict.line);
  }, analysisTimeoutMs);

  it('prints the table with a verdict line', async () => {
    const { stdout } = await runEval(['--only', 'en-01']);
    expect(stdout).toMatch(/^callqa eval: 1 recordings \(en 1\)\n\nfigure\s+en\s+overall\s+target\n/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^eval: (PASS|FAIL) — /);
  }, analysisTimeoutMs);

  it('reports the selected conversations per channel and language, checked against the conversation thresholds', async () => {
    const { exitCode, stdout } = await runEval(['--only', 'en-chat,hu-email', '--json']);
    const report = JSON.parse(stdout) as EvalReport;
    expect(report.recordings).toEqual([]);
    expect(report.conversations?.recordings.map((recording) => recording.label)).toEqual([
      'conversations/en-chat-01-parcel-missing.csv', 'conversations/en-chat-02-plan-upgrade.json',
      'conversations/hu-email-01-meter.eml', 'conversations/hu-email-02-contract.json',
    ]);
    expect(Object.keys(report.conversations?.groups ?? {})).toEqual(['chat-en', 'email-hu', 'chat', 'email', 'written']);
    expect(report.conversations?.groups['written']?.['conversation.rules.agreement']).toMatchObject({ n: 80, unit: 'share' });
    expect(report.checks.filter((check) => check.group === 'written').map((check) => check.figure)).toContain('conversation.reply_wait.agreement');
    expect(exitCode).toBe(report.verdict.passed ? 0 : 1);
  });

  it('exits 2 on an unknown option or a selection of nothing', async () => {
    const unknown = await runEval(['--fast']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('usage: npm run eval');
    const none = await runEval(['--only', 'xx-99']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('no sample recording or conversation starts with xx-99');
  });
});
