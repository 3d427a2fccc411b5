import { describe, expect, it } from 'vitest';
import { identifyAgent } from './identify-agent.ts';
import type { SpeakerTurn } from './diarization.ts';
import { defaultDiarizeThresholds } from './thresholds.ts';

const weights = defaultDiarizeThresholds.agent;
const turns: SpeakerTurn[] = [
  { startS: 0.5, endS: 3, speaker: 'A' },
  { startS: 3.4, endS: 6, speaker: 'B' },
  { startS: 6.3, endS: 9, speaker: 'A' },
  { startS: 30, endS: 33, speaker: 'A' },
  { startS: 33.5, endS: 36, speaker: 'B' },
];
const noClues = { holds: [], greeter: null };

describe('identifyAgent', () => {
  it('takes the first speaker for the agent, with the confidence its weight gives', () => {
    const found = identifyAgent(turns, noClues, weights);
    expect(found.speaker).toBe('A');
    expect(found.confidence).toBeCloseTo(1 / (1 + Math.exp(-weights.firstSpeakerWeight)), 3);
    expect(found.evidence).toEqual([{ kind: 'first-speaker', speaker: 'A', logOdds: weights.firstSpeakerWeight }]);
  });

  it('adds the speaker who comes back first from a hold', () => {
    const found = identifyAgent(turns, { ...noClues, holds: [{ startS: 9.5, endS: 29.5 }] }, weights);
    expect(found.evidence[1]).toEqual({ kind: 'hold', speaker: 'A', logOdds: weights.holdWeight });
    expect(found.evidence.map((item) => item.kind)).toEqual(['first-speaker', 'hold']);
    expect(found.confidence).toBeCloseTo(1 / (1 + Math.exp(-(weights.firstSpeakerWeight + weights.holdWeight))), 3);
  });

  it('lets a greeting by the second speaker outweigh speaking first, naming it only above minConfidence', () => {
    const margin = weights.greetingWeight - weights.firstSpeakerWeight;
    const probability = 1 / (1 + Math.exp(-margin));
    expect(identifyAgent(turns, { ...noClues, greeter: 'B' as const }, { ...weights, minConfidence: probability - 0.01 }).speaker).toBe('B');
    const unsure = identifyAgent(turns, { ...noClues, greeter: 'B' as const }, { ...weights, minConfidence: probability + 0.01 });
    expect(unsure.speaker).toBeNull();
    expect(unsure.confidence).toBeCloseTo(probability, 3);
  });

  it('says unknown when the evidence cancels out, and never names an agent of a one-speaker call', () => {
    const evenWeights = { ...weights, greetingWeight: weights.firstSpeakerWeight };
    const cancelled = identifyAgent(turns, { ...noClues, greeter: 'B' as const }, evenWeights);
    expect(cancelled.speaker).toBeNull();
    expect(cancelled.confidence).toBe(0.5);
    expect(identifyAgent(turns.filter((turn) => turn.speaker === 'A'), noClues, weights).speaker).toBeNull();
  });
});
