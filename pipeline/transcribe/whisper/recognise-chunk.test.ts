import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../../core/temp-folder.test-helper.ts';
import { fixtureConfig, unguarded, writeForcedModel } from '../transcribe-fixtures.test-helper.ts';
import type { RecognitionRequest } from '../types.ts';
import { loadWhisper, type LoadedWhisper } from './load-whisper.ts';
import { recogniseChunk, whisperSampleRateHz } from './recognise-chunk.ts';
import { meterSessions } from './session-meter.ts';

let temp: TempFolder;
let forced: LoadedWhisper;
const guards = fixtureConfig({ guards: {} }).guards;

beforeAll(async () => {
  temp = await createTempFolder('callqa-recognise-chunk-');
  forced = await loadWhisper(fixtureConfig({ modelDir: await writeForcedModel(temp.folder) }));
});
afterAll(() => temp.remove());

/** A voiced-sounding signal: a 150 Hz buzz under a slow syllable-rate envelope. */
function buzz(seconds: number): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * whisperSampleRateHz) }, (_, index) => {
    const timeS = index / whisperSampleRateHz;
    return 0.3 * Math.sin(2 * Math.PI * 150 * timeS) * (0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * timeS));
  });
}

const request = (overrides: Partial<RecognitionRequest>): RecognitionRequest => ({
  samples: buzz(8), language: null, allowedLanguages: ['en', 'ru', 'hu'], maxNewTokens: 30, guards, ...overrides,
});

describe('recogniseChunk', () => {
  it('runs the encoder once per chunk, through detection and every temperature of the fallback', async () => {
    const whisper = await loadWhisper(fixtureConfig());
    const meter = meterSessions(whisper);
    try {
      // A log-probability threshold of 0 fails every attempt, so every temperature is tried.
      const recognition = await recogniseChunk(whisper, request({ maxNewTokens: 6, guards: { ...guards, logProbThreshold: 0 } }));
      expect(recognition.dropped).not.toBeNull();
      expect(meter.tallies['model']!.runs).toBe(1);
      expect(meter.tallies['decoder_model_merged']!.runs).toBeGreaterThan(guards.temperatures.length);
    } finally {
      meter.stop();
    }
  });

  it('detects the language the weights favour, not the first allowed one', async () => {
    const recognition = await recogniseChunk(forced, request({ maxNewTokens: 4, guards: { ...guards, ...unguarded } }));
    expect(recognition.language).toBe('hu');
    expect(recognition.languageProbabilities!.hu).toBeGreaterThan(0.99);
    const withoutHungarian = await recogniseChunk(forced, request({ maxNewTokens: 4, allowedLanguages: ['ru', 'en'], guards: { ...guards, ...unguarded } }));
    expect(withoutHungarian.language).toBe(withoutHungarian.languageProbabilities!.ru! > withoutHungarian.languageProbabilities!.en! ? 'ru' : 'en');
  });

  it('times words along the cross-attention path: rising, and spread over the chunk', async () => {
    // Attention 0.2 s further per token: 30 one-token words after a 4-token prompt span 0.8–6.6 s of the 8 s chunk.
    const recognition = await recogniseChunk(forced, request({ language: 'en', guards: { ...guards, ...unguarded } }));
    const words = recognition.segments.flatMap((segment) => segment.words);
    expect(words.length).toBeGreaterThanOrEqual(20);
    const starts = words.map((word) => word.startS);
    // The DTW path is pinned to the chunk's first and last frame, so only the edge words may tie.
    for (let index = 1; index < starts.length; index++) expect(starts[index]).toBeGreaterThanOrEqual(starts[index - 1]!);
    for (let index = 2; index < starts.length - 1; index++) expect(starts[index]! - starts[index - 1]!).toBeCloseTo(0.2, 1);
    expect(starts[0]).toBeLessThan(2);
    expect(starts.at(-1)).toBeGreaterThan(4);
    for (const word of words) expect(word.endS).toBeGreaterThanOrEqual(word.startS);
  });

  it('drops a decode stuck in a loop at every temperature, stopping each attempt early, and keeps no text', async () => {
    const meter = meterSessions(forced);
    try {
      const recognition = await recogniseChunk(forced, request({ language: 'en', maxNewTokens: 100 }));
      expect(recognition.dropped).toBe('repetition');
      expect(recognition.segments).toEqual([]);
      expect(recognition.decoding!.temperature).toBe(guards.temperatures.at(-1));
      // Six repeats of a one-token unit end an attempt: far fewer steps than the 100-token budget.
      expect(meter.tallies['decoder_model_merged']!.runs).toBeLessThan(guards.temperatures.length * 12);
    } finally {
      meter.stop();
    }
  });
});
