/**
 * The event definitions of README.md on hand-made speech timelines (seconds), one case per
 * rule a QA specialist would check by listening; real-audio cases are in analyze-audio.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { findGapEvents } from './gap-events.ts';
import type { Interval } from './intervals.ts';
import { findMonologues, longestS } from './party-stats.ts';
import { defaultAudioThresholds as thresholds } from './thresholds.ts';
import { findTurnEvents } from './turn-events.ts';

const spans = (...pairs: [number, number][]): Interval[] => pairs.map(([startS, endS]) => ({ startS, endS }));

describe('interruptions and backchannels', () => {
  it('an overlap of 0.5 s or more by a spurt of 1 s or more is an interruption, ending where the overlap ends', () => {
    const events = findTurnEvents({ agent: spans([0, 5]), customer: spans([4.2, 7]) }, thresholds);
    expect(events).toEqual([{ type: 'interruption', by: 'customer', start: 4.2, end: 5, overlap_s: 0.8 }]);
  });

  it('the interrupted party may keep talking: the overlap then ends with the interrupter', () => {
    const events = findTurnEvents({ agent: spans([0, 10]), customer: spans([3, 4.5]) }, thresholds);
    expect(events).toEqual([{ type: 'interruption', by: 'customer', start: 3, end: 4.5, overlap_s: 1.5 }]);
  });

  it('a burst of 0.8 s or less inside the other party’s speech is a backchannel', () => {
    const events = findTurnEvents({ agent: spans([2, 2.5]), customer: spans([0, 6]) }, thresholds);
    expect(events).toEqual([{ type: 'backchannel', by: 'agent', start: 2, end: 2.5 }]);
  });

  it('a turn taken a fraction of a second before the other finishes is neither', () => {
    expect(findTurnEvents({ agent: spans([0, 5]), customer: spans([4.7, 8]) }, thresholds)).toEqual([]);
    // Short, and the other stops first: a quick answer, not a backchannel.
    expect(findTurnEvents({ agent: spans([0, 5]), customer: spans([4.8, 5.4]) }, thresholds)).toEqual([]);
  });

  it('speech starting in silence is never an event', () => {
    expect(findTurnEvents({ agent: spans([0, 5]), customer: spans([5, 9]) }, thresholds)).toEqual([]);
  });
});

describe('holds and dead air', () => {
  const { hold, deadAir } = thresholds;
  /** Speech, a gap of `gapS` from 10 s, then speech again. */
  const aroundGap = (gapS: number) => spans([0, 10], [10 + gapS, 10 + gapS + 5]);

  it('a gap of hold.minGapS or more is a hold, of kind music when music covers enough of it', () => {
    const gapS = hold.minGapS + 1;
    const music = spans([10.5, 10 + gapS * hold.minMusicShare + 0.6]);
    expect(findGapEvents(aroundGap(gapS), music, thresholds)).toEqual([{ type: 'hold', start: 10, end: 10 + gapS, kind: 'music' }]);
    expect(findGapEvents(aroundGap(gapS), spans([10.5, 12]), thresholds)).toEqual([{ type: 'hold', start: 10, end: 10 + gapS, kind: 'silence' }]);
  });

  it('a silent gap from deadAir.minGapS up to the hold threshold is dead air; a musical one is not', () => {
    const gapS = deadAir.minGapS + 1;
    expect(findGapEvents(aroundGap(gapS), [], thresholds)).toEqual([{ type: 'dead_air', start: 10, end: 10 + gapS }]);
    expect(findGapEvents(aroundGap(gapS), spans([10.2, 10 + gapS - 0.2]), thresholds)).toEqual([]);
    expect(findGapEvents(aroundGap(deadAir.minGapS - 0.1), [], thresholds)).toEqual([]);
    expect(findGapEvents(aroundGap(hold.minGapS - 0.1), [], thresholds).map((event) => event.type)).toEqual(['dead_air']);
  });

  it('silence before the first and after the last speech is outside the conversation', () => {
    expect(findGapEvents(spans([20, 30]), [], thresholds)).toEqual([]);
  });
});

const longestMonologueS = (...args: Parameters<typeof findMonologues>) => longestS(findMonologues(...args));

describe('longest monologue', () => {
  it('chains a party’s spurts across short pauses and backchannels', () => {
    expect(longestMonologueS(spans([0, 4], [5, 9], [10, 12]), spans([6, 6.5]), thresholds)).toBe(12);
  });

  it('ends at a pause longer than monologue.maxPauseS (3 s) and where the other party starts a turn', () => {
    expect(longestMonologueS(spans([0, 4], [8, 10]), [], thresholds)).toBe(4);
    expect(longestMonologueS(spans([0, 4], [5, 12]), spans([4.1, 4.95]), thresholds)).toBe(7);
    expect(longestMonologueS(spans([0, 10]), spans([6, 8]), thresholds)).toBe(6);
  });

  it('lists every monologue, not only the longest', () => {
    expect(findMonologues(spans([0, 4], [8, 10], [10.5, 12]), spans([10.1, 10.4]), thresholds)).toEqual(spans([0, 4], [8, 12]));
  });
});
