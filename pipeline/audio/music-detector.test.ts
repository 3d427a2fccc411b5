/**
 * Music versus speech versus noise on real sound: espeak-ng speech in three languages, chords
 * like hold music, a ringback tone with its on/off cadence (sox) and pink noise (sox).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { chords, fixtureRateHz, speak } from './call-fixtures.test-helper.ts';
import { totalDurationS } from './intervals.ts';
import { findMusicFrames, findMusicRegions } from './music-detector.ts';
import { createSteadyToneMeter } from './steady-tone.ts';
import { defaultAudioThresholds } from './thresholds.ts';

const run = promisify(execFile);
const frameSamples = 256;
const frameS = frameSamples / fixtureRateHz;
const music = defaultAudioThresholds.music;

/** Music regions of a sound, in seconds, as the audio stage finds them. */
function musicRegionsOf(samples: Float32Array) {
  const meter = createSteadyToneMeter(frameSamples, fixtureRateHz, music);
  const steady = new Uint8Array(Math.floor(samples.length / frameSamples));
  steady.forEach((_, frame) => {
    steady[frame] = meter.isSteadyTonal(samples.subarray(frame * frameSamples, (frame + 1) * frameSamples)) ? 1 : 0;
  });
  return findMusicRegions(findMusicFrames(steady, frameS, music), frameS, music);
}

async function soxSynth(...effects: string[]): Promise<Float32Array> {
  const { stdout } = await run('sox', ['-n', '-r', String(fixtureRateHz), '-c', '1', '-t', 'raw', '-e', 'floating-point', '-b', '32', '-L', '-', ...effects], {
    encoding: 'buffer',
    maxBuffer: 1 << 26,
  });
  return new Float32Array(new Uint8Array(stdout).buffer);
}

describe('music detector', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder('callqa-music-');
  });
  afterAll(() => temp.remove());

  it.each([
    ['en-us', 'Thank you for calling, my name is Anna. How can I help you today? Let me check that for you.'],
    ['ru', 'Здравствуйте, меня зовут Анна. Чем я могу вам помочь? У меня вопрос по последнему счёту.'],
    ['hu', 'Jó napot kívánok, Anna vagyok. Miben segíthetek? A legutóbbi számlámmal kapcsolatban lenne kérdésem.'],
  ])('finds no music in %s speech', async (voice, text) => {
    expect(musicRegionsOf(await speak(temp.folder, text, { voice }))).toEqual([]);
  });

  it('finds chords as one region covering them', () => {
    const regions = musicRegionsOf(chords(12));
    expect(regions).toHaveLength(1);
    expect(totalDurationS(regions)).toBeGreaterThan(11);
  });

  it('bridges a ringback cadence (2 s on, 4 s off) into one region', async () => {
    const ringback = await soxSynth('synth', '6', 'sine', '440', 'synth', '6', 'sine', 'mix', '480', 'trim', '0', '2', 'pad', '0', '4', 'repeat', '3', 'vol', '0.1');
    const regions = musicRegionsOf(ringback);
    expect(regions).toHaveLength(1);
    expect(regions[0]!.endS - regions[0]!.startS).toBeGreaterThan(18);
  });

  it('finds no music in noise', async () => {
    expect(musicRegionsOf(await soxSynth('synth', '8', 'pinknoise', 'vol', '0.05'))).toEqual([]);
  });
});
