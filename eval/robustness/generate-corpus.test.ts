/**
 * A small slice of the robustness corpus made for real (espeak-ng, sox, ffmpeg): one call
 * under four conditions. Checks that each condition did what it says to the audio and left
 * time alone, so the clean call's truth stays exact.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { readRecording } from '../../samples/generator/encode.ts';
import { deinterleave, rms } from '../../samples/generator/energy.ts';
import { sampleRateHz } from '../../samples/generator/speak.ts';
import type { CallTruth } from '../../samples/generator/truth.ts';
import { loadConditions } from './conditions.ts';
import { generateCorpus } from './generate-corpus.ts';

const call = 'en-22-moving-house';
const conditions = ['clean', 'bleed-20db', 'gsm', 'dc-offset'];

describe('robustness corpus slice', () => {
  let temp: TempFolder;
  let truthOf: Record<string, CallTruth>;
  let audioOf: Record<string, Float32Array>;

  beforeAll(async () => {
    temp = await createTempFolder('callqa-robustness-');
    await generateCorpus({ outDir: temp.folder, onlyCalls: [call], onlyConditions: conditions, effects: silentEffects });
    truthOf = {};
    audioOf = {};
    for (const condition of conditions) {
      truthOf[condition] = JSON.parse(await readFile(temp.file(`${condition}/${call}.truth.json`), 'utf8')) as CallTruth;
      audioOf[condition] = await readRecording(temp.file(`${condition}/${call}.wav`), 2);
    }
  }, 180_000);
  afterAll(() => temp.remove());

  /** Samples of `channel` inside utterances of `party` that overlap no utterance of the other party. */
  function soloSpeech(truth: CallTruth, audio: Float32Array, party: 'agent' | 'customer', channel: number): Float32Array {
    const samples = deinterleave(audio, 2, channel);
    const others = truth.utterances.filter((utterance) => utterance.party !== party);
    const spans = truth.utterances.filter((utterance) => utterance.party === party && !others.some((other) => other.start < utterance.end && other.end > utterance.start));
    return Float32Array.from(spans.flatMap(({ start, end }) => Array.from(samples.subarray(Math.round(start * sampleRateHz), Math.round(end * sampleRateHz)))));
  }

  it('writes one recording and one truth per condition, the truth that of the clean call', async () => {
    for (const condition of conditions) expect((await readdir(temp.file(condition))).sort()).toEqual([`${call}.truth.json`, `${call}.wav`]);
    for (const condition of conditions) expect(truthOf[condition]).toEqual(truthOf.clean);
    expect(truthOf.clean!.events.map((event) => event.type)).toEqual(expect.arrayContaining(['interruption', 'backchannel', 'dead_air']));
  });

  it('bleeds the agent into the customer channel at −20 dB', () => {
    const truth = truthOf.clean!;
    const source = rms(soloSpeech(truth, audioOf['bleed-20db']!, 'agent', 0));
    const bled = rms(soloSpeech(truth, audioOf['bleed-20db']!, 'agent', 1));
    // The customer channel carries its own line noise under the leak: take its power out.
    const lineNoise = rms(soloSpeech(truth, audioOf.clean!, 'agent', 1));
    expect(20 * Math.log10(lineNoise / source)).toBeLessThan(-25);
    expect(10 * Math.log10((bled ** 2 - lineNoise ** 2) / source ** 2)).toBeCloseTo(-20, 0);
  });

  it('keeps GSM in time with the clean call, and adds the DC offset', () => {
    const clean = deinterleave(audioOf.clean!, 2, 0);
    const gsm = deinterleave(audioOf.gsm!, 2, 0);
    expect(gsm.length).toBe(clean.length);
    const correlationAt = (lag: number) => clean.reduce((sum, value, i) => sum + value * (gsm[i + lag] ?? 0), 0);
    const lags = [-16, -8, -2, -1, 0, 1, 2, 8, 16];
    expect(lags.reduce((best, lag) => (correlationAt(lag) > correlationAt(best) ? lag : best), -16)).toBe(0);
    const dc = deinterleave(audioOf['dc-offset']!, 2, 1);
    expect(dc.reduce((sum, value) => sum + value, 0) / dc.length).toBeCloseTo(0.05, 2);
  });

  it('names the file and the field of a bad condition', async () => {
    const file = temp.file('conditions.json');
    await writeFile(file, JSON.stringify({ conditions: [{ name: 'x', steps: [{ kind: 'bleed', gain_db: 5 }] }] }));
    await expect(loadConditions(file)).rejects.toThrow(`${file}: conditions[0].steps[0].gain_db: expected a number from -80 to 0, got 5`);
  });
});
