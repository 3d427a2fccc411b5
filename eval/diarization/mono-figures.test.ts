import { describe, expect, it } from 'vitest';
import type { CallDiarization } from '../../pipeline/result/call-result.ts';
import { createCall } from '../eval-calls.test-helper.ts';
import { agentVerdict, measureMonoGroup } from './mono-figures.ts';

const truthUtterances = [
  { party: 'agent' as const, start: 0, end: 4, text: 'Thank you for calling.' },
  { party: 'customer' as const, start: 5, end: 9, text: 'Hi, my bill is wrong.' },
];

function diarized(agentSpeaker: 'A' | 'B' | null, turns: CallDiarization['turns']): CallDiarization {
  return {
    source: 'builtin', channel: 0, overlaps_visible: false,
    speakers: [{ id: 'A', party: 'unknown', talk_s: 4 }, { id: 'B', party: 'unknown', talk_s: 4 }],
    agent: { speaker: agentSpeaker, confidence: agentSpeaker ? 0.9 : 0.6, evidence: [] },
    turns,
  };
}

const exact = [{ start: 0, end: 4, speaker: 'A' as const }, { start: 5, end: 9, speaker: 'B' as const }];

describe('mono figures', () => {
  it('scores a right agent and exact turns as no error, and a wrong agent as all confusion but zero at the best permutation', () => {
    const right = createCall({ utterances: truthUtterances }, { diarization: diarized('A', exact) });
    const wrong = createCall({ utterances: truthUtterances }, { diarization: diarized('B', exact) });
    expect(agentVerdict(right)).toBe('right');
    expect(agentVerdict(wrong)).toBe('wrong');
    const figures = measureMonoGroup([wrong]);
    expect(figures['diarization.der_no_collar']?.value).toBeCloseTo(1, 5);
    expect(figures['diarization.der_best_no_collar']?.value).toBe(0);
    expect(measureMonoGroup([right])['diarization.der']?.value).toBe(0);
  });

  it('counts an unknown agent as not right, and leaves talk time out of it', () => {
    const unknown = createCall({ utterances: truthUtterances }, { diarization: diarized(null, exact), parties: null });
    expect(agentVerdict(unknown)).toBe('unknown');
    const figures = measureMonoGroup([unknown]);
    expect(figures['agent.accuracy']).toMatchObject({ value: 0, n: 1 });
    expect(figures['agent.unknown']).toMatchObject({ value: 1, n: 1 });
    expect(figures['talk_time.agent.median_error']?.value).toBeNull();
  });

  it('pools the error over the reference speech of all calls, not per call', () => {
    const long = createCall({ utterances: [{ party: 'agent', start: 0, end: 30, text: 'a' }, { party: 'customer', start: 31, end: 61, text: 'b' }] },
      { diarization: diarized('A', [{ start: 0, end: 30, speaker: 'A' }, { start: 31, end: 61, speaker: 'B' }]) });
    const halfMissed = createCall({ utterances: truthUtterances }, { diarization: diarized('A', [{ start: 0, end: 4, speaker: 'A' }]) });
    // 4 s missed of 8 + 60 s of reference speech.
    expect(measureMonoGroup([long, halfMissed])['diarization.der_no_collar']?.value).toBeCloseTo(4 / 68, 5);
  });
});
