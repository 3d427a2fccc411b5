/**
 * NeMo transducer speed through sherpa-onnx-node (its own decode loop in C++, its bundled
 * onnxruntime 1.28), for the committed TDT fixture and a random-weight model with Parakeet TDT
 * 0.6B's compute: wall and CPU ms per 28 s chunk on one thread, words emitted, × real time.
 * sherpa-onnx times nothing inside, so the encoder's CPU time is measured apart, on the same
 * encoder.onnx through onnxruntime-node (1.30) with one thread; the decoder and joiner get the rest.
 */
import os from 'node:os';
import path from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { loadTransducer } from '../pipeline/transcribe/sherpa/load-transducer.ts';
import { recogniseTransducerChunk } from '../pipeline/transcribe/sherpa/recognise-transducer-chunk.ts';
import { resolveTranscribeConfig } from '../pipeline/transcribe/transcribe-config.ts';
import { cpuMsSince } from './cpu-time.ts';

/** The encoder alone on features of the chunk's shape: 10 ms frames of as many log-mels as its input declares. */
async function encoderMs(modelDir: string, chunkS: number): Promise<number> {
  const session = await InferenceSession.create(path.join(modelDir, 'encoder.onnx'), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const input = session.inputMetadata[0]!;
  const featDim = input.isTensor ? Number(input.shape[1]) : Number.NaN;
  const frames = Math.round(chunkS * 100);
  const feeds = { audio_signal: new Tensor('float32', new Float32Array(featDim * frames), [1, featDim, frames]), length: new Tensor('int64', BigInt64Array.of(BigInt(frames)), [1]) };
  await session.run(feeds);
  const startedCpu = process.cpuUsage();
  await session.run(feeds);
  const cpuMs = cpuMsSince(startedCpu);
  await session.release();
  return cpuMs;
}

/** Prints one line of figures for the transducer in `modelDir`. */
export async function measureTransducer(label: string, modelDir: string, samples: Float32Array, chunkS: number): Promise<void> {
  const config = resolveTranscribeConfig({ engine: 'nemo-transducer', modelDir, modelId: label, threadsPerWorker: 1, forcedLanguage: 'en' });
  const transducer = await loadTransducer(config);
  const request = { samples, language: 'en' as const, allowedLanguages: config.allowedLanguages, maxNewTokens: config.maxNewTokens, guards: config.guards };
  await recogniseTransducerChunk(transducer, request);
  const startedMs = performance.now();
  const startedCpu = process.cpuUsage();
  const recognition = await recogniseTransducerChunk(transducer, request);
  const totalMs = performance.now() - startedMs;
  const cpuMs = cpuMsSince(startedCpu);
  const words = recognition.segments.flatMap((segment) => segment.words).length;
  const encoder = await encoderMs(modelDir, chunkS);
  const realTime = (chunkS * 1000) / totalMs;
  console.log(
    `sherpa-onnx ${label}, 1 thread of ${os.availableParallelism()}: load ${transducer.loadMs} ms; per ${chunkS} s chunk ${totalMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} CPU-ms = ` +
      `encoder ~${encoder.toFixed(0)} + decoder/joiner ~${Math.max(0, cpuMs - encoder).toFixed(0)} CPU-ms (${words} words); ${realTime.toFixed(1)}x real time; ${((chunkS * 1000) / cpuMs).toFixed(1)}x per CPU-second`,
  );
}
