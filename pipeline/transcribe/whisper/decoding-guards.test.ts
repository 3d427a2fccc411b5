import { describe, expect, it } from 'vitest';
import { fixtureConfig } from '../transcribe-fixtures.test-helper.ts';
import { compressionRatio, endsInRepetition, judgeAttempt } from './decoding-guards.ts';

const guards = fixtureConfig({ guards: {} }).guards;

describe('decoding guards', () => {
  it('scores looping text above the threshold and ordinary speech below it', () => {
    expect(compressionRatio('thank you '.repeat(30))).toBeGreaterThan(guards.compressionRatioThreshold!);
    expect(compressionRatio('Good morning, thank you for calling. How can I help you today?')).toBeLessThan(guards.compressionRatioThreshold!);
    expect(compressionRatio('')).toBe(0);
  });

  it('finds a unit repeated more than the limit at the tail, and nothing shorter', () => {
    const limits = { repetitionMaxUnitTokens: 4, repetitionMaxRepeats: 3 };
    expect(endsInRepetition([9, 1, 2, 1, 2, 1, 2, 1, 2], limits)).toBe(true);
    expect(endsInRepetition([9, 1, 2, 1, 2, 1, 2], limits)).toBe(false);
    expect(endsInRepetition([5, 5, 5, 5], limits)).toBe(true);
    expect(endsInRepetition([1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5], limits)).toBe(false);
  });

  it('keeps a probable decode, retries an improbable or looping one, and calls improbable text over a no-speech step silence', () => {
    const speech = { text: 'I would like to check my order', avgLogProb: -0.3, repeated: false };
    expect(judgeAttempt(speech, 0.01, guards)).toBeNull();
    expect(judgeAttempt({ ...speech, avgLogProb: -1.4 }, 0.01, guards)).toBe('avg_logprob');
    expect(judgeAttempt({ ...speech, repeated: true }, 0.01, guards)).toBe('repetition');
    expect(judgeAttempt({ ...speech, text: 'yes '.repeat(40) }, 0.01, guards)).toBe('compression_ratio');
    expect(judgeAttempt({ ...speech, avgLogProb: -1.4 }, 0.9, guards)).toBe('no_speech');
    expect(judgeAttempt(speech, 0.9, guards)).toBeNull();
    expect(judgeAttempt({ ...speech, avgLogProb: -1.4 }, 0.9, { ...guards, noSpeechThreshold: null, logProbThreshold: null })).toBeNull();
  });
});
