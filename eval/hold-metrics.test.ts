import { describe, expect, it } from 'vitest';
import { createCall } from './eval-calls.test-helper.ts';
import { measureHoldAttributes } from './hold-metrics.ts';

const musicHold = { type: 'hold' as const, start: 10, end: 25, kind: 'music' as const, consented: true, duration_stated: false, thanked_after: true };

describe('measureHoldAttributes', () => {
  it('scores the kind and the attributes the result carries, on matched holds only', () => {
    const right = createCall({ events: [musicHold] }, { events: [{ type: 'hold', start: 10.2, end: 25, kind: 'music', consented: true, duration_stated: null }] });
    const wrong = createCall(
      { events: [{ ...musicHold, start: 40, end: 55 }] },
      { events: [{ type: 'hold', start: 40, end: 55, kind: 'silence', consented: false }, { type: 'hold', start: 70, end: 80, kind: 'music', consented: true }] },
    );
    const figures = measureHoldAttributes([right, wrong]);
    expect(figures['hold.kind.accuracy']).toEqual({ value: 0.5, n: 2, unit: 'share' });
    expect(figures['hold.consented.accuracy']).toEqual({ value: 0.5, n: 2, unit: 'share' });
    expect(figures['hold.duration_stated.accuracy']).toEqual({ value: null, reason: 'no matched hold carries duration_stated', unit: 'share' });
  });

  it('is not available when no hold matched or holds were not checked', () => {
    expect(measureHoldAttributes([createCall({ events: [musicHold] }, {})])['hold.kind.accuracy']?.value).toBeNull();
    const unchecked = measureHoldAttributes([createCall({ events: [musicHold] }, { event_types_checked: [] })]);
    expect(unchecked['hold.consented.accuracy']).toMatchObject({ value: null, reason: 'hold not in event_types_checked' });
  });
});
