/**
 * Runs a call's chunks through a recognizer as the PCM streams past. Until the call's language
 * is known, its first chunks are transcribed each in its own detected language and kept; once
 * they have voted, any that guessed differently are transcribed again in the call's language
 * and every later chunk goes straight to it. At most a few chunks are in flight at once.
 */
import type { Language } from '../result/call-result.ts';
import type { SpeechChunk } from './chunk-cutter.ts';
import type { ChunkPlan } from './chunk-plan.ts';
import { decideCallLanguage } from './language-vote.ts';
import type { TranscribeConfig } from './transcribe-config.ts';
import type { ChunkRecognition, SpeechRecognizer } from './types.ts';

/** A chunk's plan and what Whisper made of it; the samples are let go once recognised. */
export interface RecognisedChunk {
  plan: ChunkPlan;
  recognition: ChunkRecognition;
}

type SchedulerSettings = Pick<TranscribeConfig, 'allowedLanguages' | 'forcedLanguage' | 'languageDetectionChunks' | 'maxTokensPerSecond' | 'minNewTokens' | 'maxNewTokens' | 'guards'>;

export interface ChunkScheduler {
  add(chunk: SpeechChunk): Promise<void>;
  finish(): Promise<{ language: Language | null; chunks: RecognisedChunk[] }>;
}

/** Creates the scheduler for one call; `add` waits while the recognizer is saturated, holding the stream back. */
export function createChunkScheduler(recognizer: SpeechRecognizer, settings: SchedulerSettings): ChunkScheduler {
  let language: Language | null = settings.forcedLanguage;
  const probes: { chunk: SpeechChunk; recognition: Promise<ChunkRecognition> }[] = [];
  const results: Promise<RecognisedChunk>[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const maxInFlight = recognizer.parallelism + 1;
  // The first failure stops the stream at the next chunk instead of surfacing as an unhandled rejection.
  let failure: { error: unknown } | null = null;
  const watch = <T>(promise: Promise<T>): Promise<T> => {
    promise.catch((error: unknown) => (failure ??= { error }));
    return promise;
  };

  const recognise = (chunk: SpeechChunk, chunkLanguage: Language | null) => {
    // The budget follows the speech in the chunk, not the silence put between its pieces.
    const speechS = chunk.plan.pieces.reduce((sum, piece) => sum + piece.recordingEndS - piece.recordingStartS, 0);
    const maxNewTokens = Math.min(settings.maxNewTokens, Math.max(settings.minNewTokens, Math.ceil(speechS * settings.maxTokensPerSecond)));
    // Workers take the samples' buffer; a probe chunk keeps its own copy in case it is redone.
    const samples = chunkLanguage === null ? chunk.samples.slice() : chunk.samples;
    const promise = watch(recognizer.recognise({ samples, language: chunkLanguage, allowedLanguages: settings.allowedLanguages, maxNewTokens, guards: settings.guards }));
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => {});
    return promise;
  };

  const settleLanguage = async () => {
    const recognitions = await Promise.all(probes.map((probe) => probe.recognition));
    const decided = decideCallLanguage(recognitions.map((recognition) => recognition.languageProbabilities ?? {}), settings.allowedLanguages);
    language = decided;
    probes.forEach((probe, index) => {
      const kept = recognitions[index]!;
      const recognition = kept.language === decided ? Promise.resolve(kept) : recognise(probe.chunk, decided);
      results.push(watch(recognition.then((final) => ({ plan: probe.chunk.plan, recognition: final }))));
    });
    probes.length = 0;
  };

  return {
    async add(chunk) {
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight).catch(() => {});
      if (failure) throw failure.error;
      if (language !== null) {
        const { plan } = chunk;
        results.push(watch(recognise(chunk, language).then((recognition) => ({ plan, recognition }))));
        return;
      }
      probes.push({ chunk, recognition: recognise(chunk, null) });
      if (probes.length >= settings.languageDetectionChunks) await settleLanguage();
    },
    async finish() {
      if (probes.length > 0) await settleLanguage();
      return { language, chunks: await Promise.all(results) };
    },
  };
}
