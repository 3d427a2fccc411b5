import { describe, expect, it } from 'vitest';
import type { Language } from '../result/call-result.ts';
import type { SpeechChunk } from './chunk-cutter.ts';
import { createChunkScheduler } from './transcribe-call.ts';
import { fixtureConfig } from './transcribe-fixtures.test-helper.ts';
import type { ChunkRecognition, RecognitionRequest, SpeechRecognizer } from './types.ts';

const settings = { ...fixtureConfig(), allowedLanguages: ['en', 'ru', 'hu'] as Language[], forcedLanguage: null, languageDetectionChunks: 3, maxTokensPerSecond: 10, minNewTokens: 5, maxNewTokens: 100 };

/** Chunk i "sounds like" guesses[i]; detection reports it with probability 0.6, the rest shared. */
function fakeRecognizer(guesses: Language[]): SpeechRecognizer & { requests: RecognitionRequest[] } {
  const requests: RecognitionRequest[] = [];
  return {
    modelId: 'fake',
    parallelism: 2,
    requests,
    close: async () => {},
    recognise: async (request) => {
      requests.push(request);
      const guess = guesses[request.samples[0]!]!;
      const probabilities = request.language === null ? { en: 0.2, ru: 0.2, hu: 0.2, [guess]: 0.6 } : null;
      const recognition: ChunkRecognition = { language: request.language ?? guess, languageProbabilities: probabilities, timing: 'segment', segments: [], decoding: null, dropped: null };
      return recognition;
    },
  };
}

const chunk = (index: number): SpeechChunk => ({ plan: { channel: 0, pieces: [{ recordingStartS: index, recordingEndS: index + 1, chunkStartS: 0 }], durationS: 1 }, samples: Float32Array.of(index) });

describe('createChunkScheduler', () => {
  it('lets the first chunks vote, redoes the ones that guessed otherwise, and sends the rest in the winner', async () => {
    const recognizer = fakeRecognizer(['ru', 'en', 'ru', 'hu', 'hu']);
    const scheduler = createChunkScheduler(recognizer, settings);
    for (let index = 0; index < 5; index++) await scheduler.add(chunk(index));
    const { language, chunks } = await scheduler.finish();
    expect(language).toBe('ru');
    expect(chunks.map(({ recognition }) => recognition.language)).toEqual(['ru', 'ru', 'ru', 'ru', 'ru']);
    expect(recognizer.requests.map((request) => [request.samples[0], request.language])).toEqual([
      [0, null], [1, null], [2, null], [1, 'ru'], [3, 'ru'], [4, 'ru'],
    ]);
    expect(recognizer.requests.every((request) => request.maxNewTokens === 10)).toBe(true);
  });

  it('decides from fewer chunks when the call has fewer', async () => {
    const scheduler = createChunkScheduler(fakeRecognizer(['hu']), settings);
    await scheduler.add(chunk(0));
    expect((await scheduler.finish()).language).toBe('hu');
  });

  it('surfaces a recognizer failure instead of reading on', async () => {
    const failing: SpeechRecognizer = { modelId: 'x', parallelism: 1, close: async () => {}, recognise: async () => Promise.reject(new Error('onnx failed')) };
    const scheduler = createChunkScheduler(failing, { ...settings, forcedLanguage: 'en' });
    await scheduler.add(chunk(0));
    await expect((async () => { for (let index = 1; index < 4; index++) await scheduler.add(chunk(index)); })()).rejects.toThrow('onnx failed');
  });
});
