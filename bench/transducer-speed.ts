/**
 * NeMo transducer speed through sherpa-onnx-node (its own decode loop in C++, its bundled
 * onnxruntime 1.28), for the committed TDT fixture and a random-weight model with Parakeet TDT
 * 0.6B's compute: ms per 28 s chunk on one thread, tokens emitted, × real time. sherpa-onnx times
 * nothing inside, so the encoder's share is measured apart, on the same encoder.onnx through
 * onnxruntime-node (1.30) with the same one thread; the decoder and joiner get the rest.
 */
import os from 'node:os';
import path from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { loadTransducer } from '../pipeline/transcribe/sherpa/load-transducer.ts';
import { recogniseTransducerChunk } from '../pipeline/transcribe/sherpa/recognise-transducer-chunk.ts';
import { resolveTranscribeConfig } from '../pipeline/transcribe/transcribe-config.ts';

/** The encoder alone on features of the chunk's shape: 10 ms frames of as many log-mels as its input declares. */
async function encoderMs(modelDir: string, chunkS: number): Promise<number> {
  const session = await InferenceSession.create(path.join(modelDir, 'encoder.onnx'), { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const input = session.inputMetadata[0]!;
  const featDim = input.isTensor ? Number(input.shape[1]) : Number.NaN;
  const frames = Math.round(chunkS * 100);
  const feeds = { audio_signal: new Tensor('float32', new Float32Array(featDim * frames), [1, featDim, frames]), length: new Tensor('int64', BigInt64Array.of(BigInt(frames)), [1]) };
  await session.run(feeds);
  const startedMs = performance.now();
  await session.run(feeds);
  const elapsedMs = performance.now() - startedMs;
  await session.release();
  return elapsedMs;
}

/** Prints one line of figures for the transducer in `modelDir`. */
export async function measureTransducer(label: string, modelDir: string, samples: Float32Array, chunkS: number): Promise<void> {
  const config = resolveTranscribeConfig({ engine: 'nemo-transducer', modelDir, modelId: label, threadsPerWorker: 1, forcedLanguage: 'en' });
  const transducer = await loadTransducer(config);
  const request = { samples, language: 'en' as const, allowedLanguages: config.allowedLanguages, maxNewTokens: config.maxNewTokens, guards: config.guards };
  await recogniseTransducerChunk(transducer, request);
  const startedMs = performance.now();
  const recognition = await recogniseTransducerChunk(transducer, request);
  const totalMs = performance.now() - startedMs;
  const words = recognition.segments.flatMap((segment) => segment.words).length;
  const encoder = await encoderMs(modelDir, chunkS);
  const realTime = (chunkS * 1000) / totalMs;
  console.log(
    `sherpa-onnx ${label}, 1 thread of ${os.availableParallelism()}: load ${transducer.loadMs} ms; per ${chunkS} s chunk ${totalMs.toFixed(0)} ms = encoder ~${encoder.toFixed(0)} ms ` +
      `+ decoder/joiner ~${Math.max(0, totalMs - encoder).toFixed(0)} ms (${words} words); ${realTime.toFixed(1)}x real time, ${realTime.toFixed(1)}x per core`,
  );
}
