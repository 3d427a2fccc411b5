import { describe, expect, it } from 'vitest';
import { isCloseEnough, matchEvents, matchToleranceS, overlapS } from './match-events.ts';

describe('overlapS', () => {
  it('is the shared length, and 0 for disjoint spans', () => {
    expect(overlapS({ start: 1, end: 3 }, { start: 2, end: 5 })).toBe(1);
    expect(overlapS({ start: 1, end: 2 }, { start: 3, end: 4 })).toBe(0);
  });
});

describe('matchEvents', () => {
  it('pairs overlapping spans and leaves the rest as missed and spurious', () => {
    const truth = [{ start: 10, end: 11 }, { start: 30, end: 31 }];
    const detected = [{ start: 10.2, end: 11.1 }, { start: 50, end: 51 }];
    const matching = matchEvents(truth, detected);
    expect(matching.pairs).toEqual([{ truth: truth[0], detected: detected[0], overlapS: expect.closeTo(0.8, 9) }]);
    expect(matching.missed).toEqual([truth[1]]);
    expect(matching.spurious).toEqual([detected[1]]);
  });

  it('pairs disjoint spans whose starts are within the tolerance, and not beyond it', () => {
    const backchannel = { start: 5, end: 5.3 };
    expect(matchEvents([backchannel], [{ start: 5.4, end: 5.6 }]).pairs).toHaveLength(1);
    expect(matchEvents([backchannel], [{ start: 5 + matchToleranceS + 0.01, end: 6 }]).pairs).toHaveLength(0);
    expect(isCloseEnough(backchannel, { start: 5 + matchToleranceS, end: 6 })).toBe(true);
  });

  it('is one to one, the longest overlap winning', () => {
    const truth = [{ start: 10, end: 14 }];
    const shortOverlap = { start: 9, end: 10.5 };
    const longOverlap = { start: 11, end: 15 };
    const matching = matchEvents(truth, [shortOverlap, longOverlap]);
    expect(matching.pairs.map((pair) => pair.detected)).toEqual([longOverlap]);
    expect(matching.spurious).toEqual([shortOverlap]);
  });

  it('lets a second truth event take the detection the first one lost', () => {
    // Greedy by overlap: A–x (2 s) goes first, so B gets y although B–x (1 s) beats B–y (0.5 s).
    const a = { start: 0, end: 4 };
    const b = { start: 3, end: 6 };
    const x = { start: 2, end: 4 };
    const y = { start: 5.5, end: 7 };
    const matching = matchEvents([a, b], [x, y]);
    expect(matching.pairs.map((pair) => [pair.truth, pair.detected])).toEqual([[a, x], [b, y]]);
  });

  it('handles empty sides', () => {
    expect(matchEvents([], [{ start: 1, end: 2 }])).toEqual({ pairs: [], missed: [], spurious: [{ start: 1, end: 2 }] });
    expect(matchEvents([{ start: 1, end: 2 }], [])).toEqual({ pairs: [], missed: [{ start: 1, end: 2 }], spurious: [] });
  });
});
