import { describe, expect, it } from 'vitest';
import type { Party, Utterance } from '../../result/call-result.ts';
import { describeSentiment } from './describe-sentiment.ts';

const said = (party: Party, start: number, end: number, score: number | null): Utterance => ({
  start, end, party, text: 'x',
  sentiment: score === null ? null : { label: score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral', score },
});

describe('describeSentiment', () => {
  it('gives each party a mean per window by utterance midpoint, and the customer start against end', () => {
    const utterances = [
      said('agent', 0, 4, 0.5),
      said('customer', 5, 9, -0.75),
      said('customer', 10, 14, -0.25),
      said('agent', 27, 35, 0.25), // midpoint 31 s: second window
      said('customer', 36, 40, null),
      said('customer', 41, 45, 0.5),
      said('customer', 61, 63, 1),
      said('unknown', 1, 2, -1),
    ];
    expect(describeSentiment(utterances, { windowS: 30, edgeUtterances: 2 })).toEqual({
      window_s: 30,
      edge_utterances: 2,
      agent: { mean: 0.375, trajectory: [{ start: 0, end: 30, score: 0.5, utterances: 1 }, { start: 30, end: 60, score: 0.25, utterances: 1 }] },
      customer: {
        mean: 0.125,
        trajectory: [{ start: 0, end: 30, score: -0.5, utterances: 2 }, { start: 30, end: 60, score: 0.5, utterances: 1 }, { start: 60, end: 90, score: 1, utterances: 1 }],
      },
      customer_start: -0.5,
      customer_end: 0.75,
    });
  });

  it('never lets start and end share an utterance, and leaves them null under two', () => {
    const three = [said('customer', 0, 1, -1), said('customer', 2, 3, 0), said('customer', 4, 5, 1)];
    const summary = describeSentiment(three, { edgeUtterances: 3 })!;
    expect([summary.customer_start, summary.customer_end]).toEqual([-1, 1]);
    const one = describeSentiment([said('customer', 0, 1, -1), said('agent', 2, 3, 1)])!;
    expect([one.customer_start, one.customer_end, one.agent!.mean]).toEqual([null, null, 1]);
  });

  it('is null when no utterance carries sentiment', () => {
    expect(describeSentiment([said('agent', 0, 1, null), { start: 1, end: 2, party: 'customer', text: 'y' }])).toBeNull();
  });
});

describe('describeSentiment with agent sentiment off', () => {
  it('gives agent null and keeps the customer summary', () => {
    const said = (party: 'agent' | 'customer', start: number, score: number) => ({ party, start, end: start + 1, text: 'x', sentiment: { label: 'neutral' as const, score } });
    const utterances = [said('customer', 0, -1), said('customer', 40, 1)];
    const off = describeSentiment(utterances, { agent: false })!;
    expect(off.agent).toBeNull();
    expect(off.customer).toEqual(describeSentiment(utterances)!.customer);
    expect(describeSentiment(utterances)!.agent).toEqual({ mean: null, trajectory: [] });
  });
});
