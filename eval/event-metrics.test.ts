import { describe, expect, it } from 'vitest';
import { createCall } from './eval-calls.test-helper.ts';
import { eventKinds, measureEventKind, measureEvents } from './event-metrics.ts';

const kind = (key: string) => eventKinds.find((candidate) => candidate.key === key)!;

describe('measureEventKind', () => {
  it('gives exact precision, recall, F1 and median errors over several calls', () => {
    const first = createCall(
      {
        events: [
          { type: 'interruption', by: 'agent', start: 10, end: 11, overlap_s: 1, cut_off: false },
          { type: 'interruption', by: 'agent', start: 20, end: 21, overlap_s: 1, cut_off: true },
        ],
      },
      {
        events: [
          { type: 'interruption', by: 'agent', start: 10.1, end: 11.3, overlap_s: 1.2 },
          { type: 'interruption', by: 'agent', start: 40, end: 40.5, overlap_s: 0.5 },
          // The other party's interruption at the same moment does not pair with the agent's.
          { type: 'interruption', by: 'customer', start: 20, end: 21, overlap_s: 1 },
        ],
      },
    );
    const second = createCall(
      { events: [{ type: 'interruption', by: 'agent', start: 5, end: 6, overlap_s: 1, cut_off: false }] },
      { events: [{ type: 'interruption', by: 'agent', start: 5.4, end: 6, overlap_s: 0.6 }] },
    );
    const figures = measureEventKind([first, second], kind('interruption.agent'));
    // 3 truth, 3 detected by the agent, 2 matched.
    expect(figures['interruption.agent.precision']).toEqual({ value: 2 / 3, n: 3, unit: 'score' });
    expect(figures['interruption.agent.recall']).toEqual({ value: 2 / 3, n: 3, unit: 'score' });
    expect(figures['interruption.agent.f1']).toEqual({ value: 4 / 6, n: 6, unit: 'score' });
    // Start errors 0.1 and 0.4, end errors 0.3 and 0: medians of two are their means.
    expect(figures['interruption.agent.start_error_s']).toMatchObject({ value: expect.closeTo(0.25, 9), n: 2 });
    expect(figures['interruption.agent.end_error_s']).toMatchObject({ value: expect.closeTo(0.15, 9), n: 2 });
  });

  it('pairs backchannels only with the same party', () => {
    const call = createCall(
      { events: [{ type: 'backchannel', by: 'agent', start: 3, end: 3.4 }] },
      { events: [{ type: 'backchannel', by: 'customer', start: 3, end: 3.4 }] },
    );
    const figures = measureEventKind([call], kind('backchannel'));
    expect(figures['backchannel.recall']?.value).toBe(0);
    expect(figures['backchannel.precision']?.value).toBe(0);
  });

  it('fails a checked type that detects nothing, with F1 0 and precision not available', () => {
    const call = createCall({ events: [{ type: 'dead_air', start: 20, end: 27 }] }, {});
    const figures = measureEventKind([call], kind('dead_air'));
    expect(figures['dead_air.f1']).toEqual({ value: 0, n: 1, unit: 'score' });
    expect(figures['dead_air.precision']).toEqual({ value: null, reason: 'no dead_air detected', unit: 'score' });
  });

  it('reports a type no result checked as not available, never as zero', () => {
    const call = createCall({ events: [{ type: 'transfer', start: 30, end: 40, target_named: true, reason_given: true, callback_number_given: false }] }, {});
    const figures = measureEventKind([call], kind('transfer'));
    expect(Object.values(figures)).toHaveLength(5);
    for (const measure of Object.values(figures)) expect(measure).toMatchObject({ value: null, reason: 'transfer not in event_types_checked' });
  });

  it('leaves out calls that did not check the type', () => {
    const checked = createCall({ events: [{ type: 'hold', start: 10, end: 25, kind: 'music', consented: true, duration_stated: true, thanked_after: true }] }, {
      events: [{ type: 'hold', start: 10.5, end: 25, kind: 'music' }],
    });
    const unchecked = createCall({ events: [{ type: 'hold', start: 5, end: 20, kind: 'silence', consented: false, duration_stated: false, thanked_after: false }] }, {
      event_types_checked: ['interruption'],
    });
    expect(measureEventKind([checked, unchecked], kind('hold'))['hold.recall']).toEqual({ value: 1, n: 1, unit: 'score' });
  });
});

describe('measureEvents', () => {
  it('gives five figures for each of the six event kinds', () => {
    const keys = Object.keys(measureEvents([createCall({}, {})]));
    expect(keys).toHaveLength(30);
    expect(keys.slice(0, 5)).toEqual([
      'interruption.agent.precision',
      'interruption.agent.recall',
      'interruption.agent.f1',
      'interruption.agent.start_error_s',
      'interruption.agent.end_error_s',
    ]);
  });
});
