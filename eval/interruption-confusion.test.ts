import { describe, expect, it } from 'vitest';
import { createCall } from './eval-calls.test-helper.ts';
import { measureInterruptionConfusion } from './interruption-confusion.ts';

describe('measureInterruptionConfusion', () => {
  const truth = {
    utterances: [
      { party: 'agent' as const, start: 1, end: 6, text: 'A long explanation.' },
      { party: 'customer' as const, start: 3, end: 3.3, text: 'uh-huh' },
      { party: 'customer' as const, start: 5.9, end: 8, text: 'Right, and then?' },
      { party: 'agent' as const, start: 12, end: 14, text: 'Let me check.' },
    ],
    events: [
      { type: 'backchannel' as const, by: 'customer' as const, start: 3, end: 3.3 },
      { type: 'backchannel' as const, by: 'agent' as const, start: 7, end: 7.3 },
    ],
  };

  it('counts backchannels and near-overlap turn changes taken for interruptions', () => {
    const call = createCall(truth, {
      events: [
        // The customer's uh-huh, taken for an interruption.
        { type: 'interruption', by: 'customer', start: 3.05, end: 3.3, overlap_s: 0.25 },
        // The customer starting 0.1 s before the agent finishes: a turn change.
        { type: 'interruption', by: 'customer', start: 5.9, end: 6, overlap_s: 0.1 },
        // Neither: no backchannel and no end of an agent utterance near 12.5 s.
        { type: 'interruption', by: 'customer', start: 12.5, end: 13, overlap_s: 0.5 },
      ],
    });
    const figures = measureInterruptionConfusion([call]);
    expect(figures['backchannel.as_interruption']).toEqual({ value: 1 / 2, n: 2, unit: 'share' });
    expect(figures['turn_change.as_interruption']).toEqual({ value: 1 / 3, n: 3, unit: 'share' });
  });

  it('does not count a detection that matches a truth interruption', () => {
    const call = createCall(
      { ...truth, events: [...truth.events, { type: 'interruption', by: 'customer', start: 5.9, end: 6, overlap_s: 0.1, cut_off: false }] },
      { events: [{ type: 'interruption', by: 'customer', start: 5.9, end: 6, overlap_s: 0.1 }] },
    );
    expect(measureInterruptionConfusion([call])['turn_change.as_interruption']?.value).toBe(0);
  });

  it('is not available while interruptions are not checked', () => {
    const call = createCall(truth, { event_types_checked: ['hold'] });
    expect(measureInterruptionConfusion([call])['backchannel.as_interruption']).toEqual({
      value: null,
      reason: 'interruption not in event_types_checked',
      unit: 'share',
    });
  });
});
