import { describe, expect, it } from 'vitest';
import type { CallTruth } from './load-truth.ts';
import { createCall } from './eval-calls.test-helper.ts';
import { mergedDurationS } from './measure.ts';
import { measureGroup, measureGroups } from './metrics.ts';

const stats = (talkS: number, channel: number) => ({ channel, talk_s: talkS });
const utterances: CallTruth['utterances'] = [
  { party: 'agent', start: 0, end: 4, text: 'Hello.' },
  { party: 'customer', start: 4.5, end: 9.5, text: 'Hi.' },
  // An agent backchannel inside the customer's line, and an agent line overlapping the next.
  { party: 'agent', start: 6, end: 6.5, text: 'mm-hmm' },
  { party: 'agent', start: 10, end: 13, text: 'Sure.' },
  { party: 'agent', start: 12, end: 14, text: 'And…' },
];

describe('mergedDurationS', () => {
  it('counts overlapping spans once', () => {
    expect(mergedDurationS([{ start: 10, end: 13 }, { start: 0, end: 4 }, { start: 12, end: 14 }, { start: 1, end: 2 }])).toBe(8);
  });
});

describe('measureGroup', () => {
  it('gives the talk-time relative error per party: median and max over calls', () => {
    // Truth: agent 4 + 0.5 + 4 = 8.5 s, customer 5 s.
    const calls = [
      createCall({ utterances }, { parties: { agent: stats(8.5, 0), customer: stats(5.5, 1) } }),
      createCall({ utterances }, { parties: { agent: stats(9.35, 0), customer: stats(5, 1) } }),
      createCall({ utterances }, { parties: { agent: stats(8.5, 0), customer: stats(4, 1) } }),
      createCall({ utterances, channels: 1 }, { parties: null }),
    ];
    const figures = measureGroup(calls);
    expect(figures['talk_time.agent.median_error']).toEqual({ value: 0, n: 3, unit: 'share' });
    expect(figures['talk_time.agent.max_error']?.value).toBeCloseTo(0.1, 9);
    expect(figures['talk_time.customer.median_error']?.value).toBeCloseTo(0.1, 9);
    expect(figures['talk_time.customer.max_error']?.value).toBeCloseTo(0.2, 9);
  });

  it('gives rule agreement over the calls whose result carries the rule', () => {
    const rules = { greeting: 'pass', please: 'fail', 'hold-consent': 'n/a' } as CallTruth['rules'];
    const rule = (id: string, status: 'pass' | 'fail' | 'n/a') => ({ id, status, count: 0, evidence: [] });
    const figures = measureGroup([
      createCall({ rules }, { rules: [rule('greeting', 'pass'), rule('please', 'pass')] }),
      createCall({ rules }, { rules: [rule('greeting', 'pass'), rule('please', 'fail')] }),
      createCall({ rules }, { rules: [rule('greeting', 'fail')] }),
    ]);
    expect(figures['rule.greeting.agreement']).toEqual({ value: 2 / 3, n: 3, unit: 'share' });
    expect(figures['rule.please.agreement']).toEqual({ value: 1 / 2, n: 2, unit: 'share' });
    expect(figures['rule.hold-consent.agreement']).toEqual({ value: null, reason: 'rule absent from every result', unit: 'share' });
  });

  it('scores I/you counts within ±1, language and transcript availability', () => {
    const statements = { agent: { i: 2, you: 4 } };
    const figures = measureGroup([
      createCall({ statements }, { statements: { agent: { i: 3, you: 3 } }, language: 'en' }),
      createCall({ statements }, { statements: { agent: { i: 2, you: 6 } }, language: 'hu' }),
      createCall({ statements }, { utterances: [{ party: 'agent', start: 0, end: 1, text: 'Hello.' }] }),
    ]);
    expect(figures['statements.within_one']).toEqual({ value: 0.5, n: 2, unit: 'share' });
    expect(figures['language.accuracy']).toEqual({ value: 0.5, n: 2, unit: 'share' });
    expect(figures['transcript.available']).toEqual({ value: 1 / 3, n: 3, unit: 'share' });
  });

  it('reports the stages that have not run as not available', () => {
    const figures = measureGroup([createCall({ utterances }, {})]);
    expect(figures['talk_time.agent.max_error']).toMatchObject({ value: null, reason: 'parties null in every result' });
    expect(figures['statements.within_one']).toMatchObject({ value: null, reason: 'statements null in every result' });
    expect(figures['language.accuracy']).toMatchObject({ value: null, reason: 'language null in every result' });
  });
});

describe('measureGroups', () => {
  it('groups by the truth language in a fixed order, then overall', () => {
    const groups = measureGroups([createCall({ language: 'hu' }, {}), createCall({ language: 'en' }, {}), createCall({ language: 'hu' }, {})]);
    expect(Object.keys(groups)).toEqual(['en', 'hu', 'overall']);
    expect(groups.hu?.['transcript.available']).toMatchObject({ n: 2 });
    expect(groups.overall?.['transcript.available']).toMatchObject({ n: 3 });
  });
});
