import { describe, expect, it } from 'vitest';
import { maxOf, median, medianOf, shareOf } from './measure.ts';

describe('measure', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('gives a value with its count, or not available with the reason', () => {
    expect(shareOf(3, 4, 'share', 'none')).toEqual({ value: 0.75, n: 4, unit: 'share' });
    expect(shareOf(0, 0, 'score', 'nothing detected')).toEqual({ value: null, reason: 'nothing detected', unit: 'score' });
    expect(medianOf([], 'seconds', 'no match')).toEqual({ value: null, reason: 'no match', unit: 'seconds' });
    expect(maxOf([0.1, 0.3, 0.2], 'share', 'none')).toEqual({ value: 0.3, n: 3, unit: 'share' });
  });
});
