import { copyFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModelEntry } from '../models/manifest.ts';
import { startFakeHub, type FakeHub } from '../models/fake-hub.test-helper.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import type { CallResult } from '../pipeline/result/call-result.ts';
import { runCli } from './run-cli.test-helper.ts';

const fixtureDir = new URL('../models/whisper-fixture/whisper-random-fixture/', import.meta.url).pathname;

async function readFixtureFiles(): Promise<Record<string, Buffer>> {
  const names = [...(await readdir(fixtureDir)).filter((name) => name.endsWith('.json')), ...(await readdir(path.join(fixtureDir, 'onnx'))).map((name) => `onnx/${name}`)];
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(fixtureDir, name))] as const)));
}

describe('callqa models, end to end against a local Hub', () => {
  let temp: TempFolder;
  let hub: FakeHub;
  beforeAll(async () => {
    temp = await createTempFolder();
    const entry = findModelEntry('whisper-tiny');
    if (!('hub' in entry.source)) throw new Error('whisper-tiny must come from the Hub');
    // The tiny random-weight fixture stands in for whisper-tiny: same files, inputs and outputs.
    hub = await startFakeHub({ ...entry.source.hub, files: await readFixtureFiles() });
  });
  afterAll(async () => {
    hub.close();
    await temp.remove();
  });

  const withHub = (args: string[]) => runCli([...args, '--models-dir', temp.file('models')], { CALLQA_HUB_URL: hub.baseUrl });

  it('a missing model names the pull command; pull installs and verify checks it', async () => {
    const missing = await withHub(['models', 'path', 'whisper-tiny']);
    expect(missing.exitCode).toBe(6);
    expect(missing.stderr).toContain('callqa models pull whisper-tiny');

    const pulled = await withHub(['models', 'pull', 'whisper-tiny', '--variant', 'fp32']);
    expect(pulled.exitCode).toBe(0);
    expect(pulled.stderr).toMatch(/decoder_model_merged\.onnx \[#+\] 100%/);
    expect((await withHub(['models', 'path', 'whisper-tiny'])).stdout).toBe(`${temp.file('models/whisper-tiny')}\n`);
    const verified = await withHub(['models', 'verify']);
    expect(verified.stdout).toMatch(/^silero-vad-v5\tok.*\nwhisper-tiny\tok\t7 file\(s\) verified\n$/);
    expect((await withHub(['models', 'list'])).stdout).toMatch(/whisper-tiny\tautomatic-speech-recognition\tinstalled \(fp32\)/);
  });

  it('analyze then transcribes each party with the pulled model, or records its chunks as dropped', async () => {
    const call = temp.file('call.wav');
    // A sample call without its transcript sidecar, so speech-to-text has to run.
    await copyFile(new URL('../samples/calls/en-03-tariff-change.wav', import.meta.url).pathname, call);
    const outcome = await withHub(['analyze', call, '--json', '--db', temp.file('stt.duckdb'), '--whisper-model', 'whisper-tiny', '--language', 'en']);
    expect(outcome.exitCode).toBe(0);
    const result = JSON.parse(outcome.stdout) as CallResult;
    expect(result.transcript_source).toBe('model:whisper-tiny');
    expect(result.language).toBe('en');
    // Random weights often fail the decoding guards: a chunk is then recorded as dropped instead of stored as text.
    const parties = [...result.utterances, ...(result.transcription?.dropped_chunks ?? [])].map((span) => span.party);
    expect(new Set(parties)).toEqual(new Set(['agent', 'customer']));
    for (const utterance of result.utterances) expect(utterance.end).toBeLessThanOrEqual(result.duration_s! + 0.5);
    // Each dropped chunk is decoded at every fallback temperature first: slow on random weights.
  }, 240_000);
});
