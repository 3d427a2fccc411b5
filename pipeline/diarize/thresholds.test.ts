import { describe, expect, it } from 'vitest';
import { defaultDiarizeThresholds, resolveDiarizeThresholds } from './thresholds.ts';

describe('diarization thresholds', () => {
  it('reads the shipped file, frozen', () => {
    expect(defaultDiarizeThresholds.smoothing.switchPenalty).toBeGreaterThan(defaultDiarizeThresholds.smoothing.gapSwitchPenalty);
    expect(Object.isFrozen(defaultDiarizeThresholds.agent)).toBe(true);
  });

  it('rejects a value out of range or an unknown key with CQA_ERR_CONFIG_INVALID naming it', () => {
    const agent = { ...defaultDiarizeThresholds.agent, minConfidence: 0.2 };
    expect(() => resolveDiarizeThresholds({ ...defaultDiarizeThresholds, agent }, 'test.json')).toThrow(/test\.json\/agent\/minConfidence/);
    const misspelt = { ...defaultDiarizeThresholds, pauses: { ...defaultDiarizeThresholds.pauses, minSeconds: 1 } };
    expect(() => resolveDiarizeThresholds(misspelt, 'test.json')).toThrowError(expect.objectContaining({ code: 'CQA_ERR_CONFIG_INVALID' }));
  });
});
