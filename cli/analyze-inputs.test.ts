/**
 * Inputs that are not readable recordings, each reported with its own code while the rest of
 * the batch is analysed: an unreadable subfolder, an unreadable file, a FIFO, a link to a
 * device. Permissions mean nothing to root, so as root the CLI runs as `nobody`.
 */
import { execFile } from 'node:child_process';
import { spawn } from 'node:child_process';
import { chmod, mkdir, symlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchChild } from '../core/child-output.test-helper.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { makeToneRecording } from '../pipeline/ingest/audio-fixtures.test-helper.ts';
import type { CallResult } from '../pipeline/result/call-result.ts';
import { callqaBin } from './run-cli.test-helper.ts';

const nobody = 65_534;
const asUnprivileged = process.getuid?.() === 0 ? { uid: nobody, gid: nobody } : {};

describe('callqa analyze on inputs it may not or cannot read', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
    await chmod(temp.file(''), 0o777);
    const tone = { durationS: 3, sampleRateHz: 8000, channelAmplitudes: [0.2, 0.1], codecArgs: ['-c:a', 'pcm_mulaw'] };
    await makeToneRecording(temp.file('calls/good.wav'), tone);
    await makeToneRecording(temp.file('calls/locked/hidden.wav'), { ...tone, durationS: 2 });
    await makeToneRecording(temp.file('unreadable.wav'), { ...tone, durationS: 1 });
    await chmod(temp.file('calls/locked'), 0o000);
    await chmod(temp.file('unreadable.wav'), 0o000);
    await promisify(execFile)('mkfifo', [temp.file('pipe.wav')]);
    await symlink('/dev/zero', temp.file('zero.wav'));
    await mkdir(temp.file('data'), { mode: 0o777 });
    await chmod(temp.file('data'), 0o777);
  });
  afterAll(async () => {
    await chmod(temp.file('calls/locked'), 0o755);
    await temp.remove();
  });

  it('reports each with its own code, analyses the rest and exits 1', async () => {
    const inputs = ['calls', 'unreadable.wav', 'pipe.wav', 'zero.wav'].map((name) => temp.file(name));
    const { done } = watchChild(spawn(process.execPath, [callqaBin, 'analyze', ...inputs, '--json', '--db', temp.file('data/callqa.duckdb')], {
      stdio: ['ignore', 'pipe', 'pipe'], ...asUnprivileged,
    }));
    const outcome = await done;
    expect(outcome.exitCode, outcome.stderr).toBe(1);
    const results = outcome.stdout.trim().split('\n').map((line) => JSON.parse(line) as CallResult);
    expect(results.map((result) => [result.source, result.status, result.error?.code ?? null])).toEqual([
      [temp.file('calls/good.wav'), 'ok', null],
      [temp.file('calls/locked'), 'error', 'CQA_ERR_INPUT_UNREADABLE'],
      [temp.file('unreadable.wav'), 'error', 'CQA_ERR_INPUT_UNREADABLE'],
      [temp.file('pipe.wav'), 'error', 'CQA_ERR_INPUT_NOT_FILE'],
      [temp.file('zero.wav'), 'error', 'CQA_ERR_INPUT_NOT_FILE'],
    ]);
    const messages = results.map((result) => result.error?.message ?? '');
    expect(messages[1]).toContain('a folder this process may not read');
    expect(messages[2]).toContain('may not read the file');
    expect(messages[3]).toContain('is a FIFO (named pipe)');
    expect(messages[4]).toContain('is a device');
  });
});
