/**
 * Whisper speed through transformers.js + onnxruntime-node on this machine, for models with the
 * real tiny (d_model 384, 4+4 layers) and base (512, 6+6) architectures and random weights,
 * generated into a temp folder (needs Debian's python3-onnx and python3-numpy; never committed),
 * plus the committed fixture. Each model transcribes 28 s chunks of espeak-ng speech with a
 * forced language and a fixed decode budget (random weights rarely stop early), on one
 * onnxruntime thread and on all cores: load time, ms per chunk, × real time.
 * Real weights decode the same number of operations per token, so speed carries over; output
 * length does not (real speech stops at <|endoftext|>, about 3–4 tokens per second of speech).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { resolveTranscribeConfig } from '../pipeline/transcribe/transcribe-config.ts';
import { loadWhisper } from '../pipeline/transcribe/whisper/load-whisper.ts';
import { recogniseChunk } from '../pipeline/transcribe/whisper/recognise-chunk.ts';

const run = promisify(execFile);
const generator = fileURLToPath(new URL('../models/whisper-fixture/generate.py', import.meta.url));
const fixtureDir = fileURLToPath(new URL('../models/whisper-fixture/whisper-random-fixture', import.meta.url));
const chunkS = 28;
const decodeTokens = 100;
const chunksPerRun = 2;

async function speechChunk(folder: string): Promise<Float32Array> {
  const wav = path.join(folder, 'speech.wav');
  const text = 'Thank you for calling customer support. I can see your order from last week, it left our warehouse on Monday and should arrive by Friday. ';
  await run('espeak-ng', ['-v', 'en-us', '-w', wav, text.repeat(3)]);
  const { stdout } = await run('sox', [wav, '-t', 'raw', '-e', 'floating-point', '-b', '32', '-L', '-r', '16000', '-c', '1', '-', 'trim', '0', String(chunkS)], { encoding: 'buffer', maxBuffer: 1 << 26 });
  return new Float32Array(new Uint8Array(stdout).buffer);
}

async function measure(label: string, modelDir: string, threads: number, samples: Float32Array): Promise<void> {
  const config = resolveTranscribeConfig({ modelDir, modelId: label, dtype: { encoder_model: 'fp32', decoder_model_merged: 'fp32' }, threadsPerWorker: threads });
  const whisper = await loadWhisper(config);
  const request = () => ({ samples, language: 'en' as const, allowedLanguages: config.allowedLanguages, maxNewTokens: decodeTokens, guards: config.guards });
  await recogniseChunk(whisper, request());
  const startedMs = Date.now();
  for (let index = 0; index < chunksPerRun; index++) await recogniseChunk(whisper, request());
  const perChunkMs = (Date.now() - startedMs) / chunksPerRun;
  const threadsLabel = threads === 0 ? `all ${os.availableParallelism()} cores` : '1 thread';
  console.log(`${label}, ${threadsLabel}: load ${whisper.loadMs} ms, ${perChunkMs.toFixed(0)} ms per ${chunkS} s chunk (${decodeTokens} tokens), ${((chunkS * 1000) / perChunkMs).toFixed(1)}x real time`);
}

export async function benchTranscribe(): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'callqa-bench-whisper-'));
  try {
    const samples = await speechChunk(folder);
    const models: [string, string][] = [['fixture (d32, 1+2 layers)', fixtureDir]];
    for (const preset of ['tiny', 'base']) {
      const out = path.join(folder, `whisper-${preset}-random`);
      await run('/usr/bin/python3', [generator, '--preset', preset, '--out', out]);
      models.push([`${preset} architecture, random weights`, out]);
    }
    for (const [label, modelDir] of models) for (const threads of [1, 0]) await measure(label, modelDir, threads, samples);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTranscribe();
