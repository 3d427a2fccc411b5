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
import { meterSessions } from '../pipeline/transcribe/whisper/session-meter.ts';
import { pythonPath, requirePythonOnnx } from './python-onnx.ts';
import { cpuMsSince } from './cpu-time.ts';
import { measureTransducer } from './transducer-speed.ts';

const run = promisify(execFile);
const generator = fileURLToPath(new URL('../models/whisper-fixture/generate.py', import.meta.url));
const fixtureDir = fileURLToPath(new URL('../models/whisper-fixture/whisper-random-fixture', import.meta.url));
const transducerGenerator = fileURLToPath(new URL('../models/transducer-fixture/generate.py', import.meta.url));
const transducerFixtureDir = fileURLToPath(new URL('../models/transducer-fixture/tdt-random-fixture', import.meta.url));
const chunkS = 28;
const decodeTokens = 100;
const chunksPerRun = 2;

async function speechChunk(folder: string): Promise<Float32Array> {
  const wav = path.join(folder, 'speech.wav');
  const text = 'Thank you for calling customer support. I can see your order from last week, it left our warehouse on Monday and should arrive by Friday. ';
  await run('espeak-ng', ['-v', 'en-us', '-w', wav, text.repeat(4)]);
  const { stdout } = await run('sox', [wav, '-t', 'raw', '-e', 'floating-point', '-b', '32', '-L', '-r', '16000', '-c', '1', '-', 'trim', '0', String(chunkS)], { encoding: 'buffer', maxBuffer: 1 << 26 });
  return new Float32Array(new Uint8Array(stdout).buffer);
}

/** One greedy decode of the whole budget: random weights would fail the guards and loop, which is not what is timed here. */
const timedGuards = { temperatures: [0], compressionRatioThreshold: null, logProbThreshold: null, noSpeechThreshold: null, repetitionMaxRepeats: 100 };

async function measure(label: string, modelDir: string, threads: number, samples: Float32Array): Promise<void> {
  const config = resolveTranscribeConfig({ modelDir, modelId: label, dtype: { encoder_model: 'fp32', decoder_model_merged: 'fp32' }, threadsPerWorker: threads, guards: timedGuards });
  const whisper = await loadWhisper(config);
  const request = () => ({ samples, language: 'en' as const, allowedLanguages: config.allowedLanguages, maxNewTokens: decodeTokens, guards: config.guards });
  await recogniseChunk(whisper, request());
  const meter = meterSessions(whisper);
  const startedMs = performance.now();
  const startedCpu = process.cpuUsage();
  for (let index = 0; index < chunksPerRun; index++) await recogniseChunk(whisper, request());
  const perChunkMs = (performance.now() - startedMs) / chunksPerRun;
  const cpuMsPerChunk = cpuMsSince(startedCpu) / chunksPerRun;
  meter.stop();
  const encoder = meter.tallies['model']!;
  const decoder = meter.tallies['decoder_model_merged']!;
  // Every decoder run but the prompt's and the first (language / no-speech) step yields one token.
  const tokensPerChunk = decoder.runs / chunksPerRun - 2;
  const cores = threads === 0 ? os.availableParallelism() : threads;
  const realTime = (chunkS * 1000) / perChunkMs;
  console.log(
    `transformers.js whisper ${label}, ${threads === 0 ? `all ${cores} cores` : '1 thread'}: load ${whisper.loadMs} ms; per ${chunkS} s chunk ${perChunkMs.toFixed(0)} ms = ` +
      `encoder ${(encoder.ms / chunksPerRun).toFixed(0)} ms (${encoder.runs / chunksPerRun} run per chunk) + decoder ${(decoder.ms / chunksPerRun).toFixed(0)} ms ` +
      `(${tokensPerChunk} tokens, ${(decoder.ms / decoder.runs).toFixed(1)} ms per step) + outside onnxruntime ${((perChunkMs * chunksPerRun - encoder.ms - decoder.ms) / chunksPerRun).toFixed(0)} ms ` +
      `(log-mel features, logits processors, cross-attention DTW); ${realTime.toFixed(1)}x real time; ${((chunkS * 1000) / cpuMsPerChunk).toFixed(1)}x per CPU-second ` +
      `(${(cpuMsPerChunk / Math.max(1, tokensPerChunk)).toFixed(1)} CPU-ms per token, all work included)`,
  );
}

export async function benchTranscribe(): Promise<void> {
  await requirePythonOnnx('transcribe');
  const folder = await mkdtemp(path.join(os.tmpdir(), 'callqa-bench-whisper-'));
  try {
    const samples = await speechChunk(folder);
    const models: [string, string][] = [['fixture (d32, 1+2 layers)', fixtureDir]];
    for (const preset of ['tiny', 'base']) {
      const out = path.join(folder, `whisper-${preset}-random`);
      await run(pythonPath, [generator, '--preset', preset, '--out', out]);
      models.push([`${preset} architecture, random weights`, out]);
    }
    for (const [label, modelDir] of models) for (const threads of [1, 0]) await measure(label, modelDir, threads, samples);
    const parakeetDir = path.join(folder, 'parakeet-tdt-random');
    await run(pythonPath, [transducerGenerator, '--preset', 'parakeet', '--out', parakeetDir], { maxBuffer: 1 << 20 });
    await measureTransducer('NeMo TDT fixture (d32, 1 block)', transducerFixtureDir, samples, chunkS);
    await measureTransducer('Parakeet TDT 0.6B architecture, random weights', parakeetDir, samples, chunkS);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchTranscribe();
