import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultAudioThresholds, resolveAudioThresholds, type AudioThresholdsSpec } from './thresholds.ts';

describe('audio thresholds', () => {
  it('come from audio-thresholds.json, deeply frozen', () => {
    const data: unknown = JSON.parse(readFileSync(new URL('./audio-thresholds.json', import.meta.url), 'utf8'));
    expect(defaultAudioThresholds).toEqual(data);
    expect(Object.isFrozen(defaultAudioThresholds) && Object.isFrozen(defaultAudioThresholds.hold)).toBe(true);
  });

  it('take a spec over the defaults, key by key', () => {
    const resolved = resolveAudioThresholds({ hold: { minGapS: 20 } });
    expect(resolved.hold).toEqual({ minGapS: 20, minMusicShare: defaultAudioThresholds.hold.minMusicShare });
    expect(resolved.deadAir).toEqual(defaultAudioThresholds.deadAir);
  });

  it.each([
    [{ vad: { speechProbability: 1.5 } }, '/vad/speechProbability'],
    [{ deadAir: { minGapS: 30 } }, '/deadAir/minGapS'],
    [{ hold: { minGapSeconds: 20 } } as unknown as AudioThresholdsSpec, '/hold/minGapSeconds'],
    [{ holds: { minGapS: 20 } } as unknown as AudioThresholdsSpec, '/holds'],
  ])('reject %j naming %s', (spec, key) => {
    expect(() => resolveAudioThresholds(spec)).toThrow(expect.objectContaining({ code: 'CQA_ERR_CONFIG_INVALID', message: expect.stringContaining(key) }));
  });
});
