import { describe, expect, it } from 'vitest';
import { createCall } from '../eval-calls.test-helper.ts';
import { measureCondition } from './figures.ts';

/** Agent 0–5 s; the customer replies 0.4 s early (a short overlap), later interrupts (a planted event). */
const truth = {
  utterances: [
    { party: 'agent' as const, start: 0, end: 5, text: 'a' },
    { party: 'customer' as const, start: 4.6, end: 8, text: 'b' },
    { party: 'agent' as const, start: 9, end: 14, text: 'c' },
    { party: 'customer' as const, start: 13, end: 16, text: 'd' },
  ],
  events: [{ type: 'interruption' as const, by: 'customer' as const, start: 13, end: 14, overlap_s: 1, cut_off: false }],
};
const planted = { type: 'interruption' as const, by: 'customer' as const, start: 13, end: 14, overlap_s: 1 };

describe('robustness figures', () => {
  it('counts a short overlap taken for an interruption, and not the planted interruption', () => {
    const taken = measureCondition([createCall(truth, { events: [{ ...planted, start: 4.62, end: 5.1, overlap_s: 0.48 }, planted] })]);
    expect(taken['short_overlap.as_interruption']).toEqual({ value: 1, n: 1, unit: 'share' });
    expect(taken['interruption.precision']).toMatchObject({ value: 0.5, n: 2 });
    const right = measureCondition([createCall(truth, { events: [planted] })]);
    expect(right['short_overlap.as_interruption']).toEqual({ value: 0, n: 1, unit: 'share' });
    expect(right['interruption.f1']).toMatchObject({ value: 1 });
  });
});
