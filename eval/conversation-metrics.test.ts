import { describe, expect, it } from 'vitest';
import type { ConversationMetrics, PartyMetrics } from '../pipeline/result/call-result.ts';
import type { CallTruth } from './load-truth.ts';
import { measureConversationMetrics } from './conversation-metrics.ts';
import { createCall } from './eval-calls.test-helper.ts';

// Agent: 10 words over 4 s of speech (150 wpm); customer: 5 words over 2 s (150 wpm). Gaps: 1 s, then 4 s.
const utterances: CallTruth['utterances'] = [
  { party: 'agent', start: 0, end: 4, text: 'one two three four five six seven eight nine ten' },
  { party: 'customer', start: 5, end: 7, text: 'a b c d e' },
  { party: 'agent', start: 11, end: 11.5, text: 'ok' },
];

// Syllable rates: the agent's over 4 per second reads fast (> 180 wpm), the customer's does not.
const party = (name: 'agent' | 'customer', wpm: number | null) => ({ party: name, talk_speed: { words_per_minute: wpm, syllables_per_s: name === 'agent' ? 4.5 : 3 } }) as PartyMetrics;
const metrics = (agentWpm: number | null, nonTalkS: number) =>
  ({ window_s: 1, parties: [party('agent', agentWpm), party('customer', 150)], non_talk: { min_gap_s: 3, total_s: nonTalkS } }) as ConversationMetrics;

describe('conversation metrics against the truth', () => {
  it('gives the words-per-minute relative error against the scripts and the non-talk error in seconds', () => {
    // Truth agent: 11 words over 4.5 s = 146.7 wpm.
    const figures = measureConversationMetrics([
      createCall({ utterances }, { metrics: metrics(11 / 4.5 * 60 * 1.1, 4) }),
      createCall({ utterances }, { metrics: metrics(11 / 4.5 * 60, 4.5) }),
      createCall({ utterances }, {}),
    ]);
    expect(figures['talk_speed.agent.wpm_max_error']?.value).toBeCloseTo(0.1, 9);
    expect(figures['talk_speed.agent.wpm_median_error']).toMatchObject({ n: 2 });
    expect(figures['talk_speed.customer.wpm_max_error']?.value).toBeCloseTo(0, 9);
    expect(figures['non_talk.max_error_s']).toEqual({ value: 0.5, n: 2, unit: 'seconds' });
    // Truth: both parties at ~147-150 wpm, not fast; the agent's 4.5 syllables per second call it fast in both calls.
    expect(figures['talk_speed.syllable_fast_agreement']).toEqual({ value: 0.5, n: 4, unit: 'share' });
  });

  it('is not available where no result carries metrics', () => {
    expect(measureConversationMetrics([createCall({ utterances }, {})])['non_talk.median_error_s']?.value).toBeNull();
  });
});
