import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describePick, pickSample, type SamplingCandidate } from './sampling.ts';

const candidates: SamplingCandidate[] = [
  ...['a1', 'a2', 'a3', 'a4', 'a5'].map((call_id) => ({ call_id, agent_id: 'agent-1', period_start: '2026-11-16T00:00:00Z' })),
  ...['b1', 'b2'].map((call_id) => ({ call_id, agent_id: 'agent-2', period_start: '2026-11-16T00:00:00Z' })),
  { call_id: 'a6', agent_id: 'agent-1', period_start: '2026-11-23T00:00:00Z' },
  { call_id: 'n1', agent_id: null, period_start: '2026-11-16T00:00:00Z' },
];
const keyOf = (seed: number, callId: string) => createHash('sha256').update(`${seed}:${callId}`).digest('hex');

describe('pickSample', () => {
  it('takes the first N per agent and period in sha256(seed:call_id) order, with rank and group size', () => {
    const picked = pickSample(candidates, { kind: 'count', per_agent: 2 }, 42);
    const expectedAgent1 = ['a1', 'a2', 'a3', 'a4', 'a5'].sort((a, b) => keyOf(42, a).localeCompare(keyOf(42, b))).slice(0, 2);
    expect(picked.filter((call) => call.agent_id === 'agent-1' && call.period_start.startsWith('2026-11-16')))
      .toEqual(expectedAgent1.map((call_id, index) => ({ call_id, agent_id: 'agent-1', period_start: '2026-11-16T00:00:00Z', rank: index + 1, of: 5 })));
    expect(picked.filter((call) => call.agent_id === 'agent-2').map((call) => call.of)).toEqual([2, 2]);
    expect(picked.find((call) => call.call_id === 'a6')).toMatchObject({ rank: 1, of: 1 });
    expect(picked.find((call) => call.call_id === 'n1')).toMatchObject({ agent_id: null, rank: 1, of: 1 });
    expect(picked).toHaveLength(2 + 2 + 1 + 1);
  });

  it('is reproducible for a seed, whatever order the candidates come in, and differs between seeds', () => {
    const ids = (seed: number, list: SamplingCandidate[]) => pickSample(list, { kind: 'count', per_agent: 2 }, seed).map((call) => call.call_id).sort();
    expect(ids(42, [...candidates].reverse())).toEqual(ids(42, candidates));
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ids(seed, candidates).join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('rounds a percentage up per group, and takes every call for a targeted queue', () => {
    const percent = pickSample(candidates, { kind: 'percent', per_agent: 30 }, 7);
    expect(percent.filter((call) => call.agent_id === 'agent-1' && call.period_start.startsWith('2026-11-16'))).toHaveLength(2); // ceil(1.5)
    expect(percent.filter((call) => call.agent_id === 'agent-2')).toHaveLength(1); // ceil(0.6)
    expect(pickSample(candidates, { kind: 'all' }, 7)).toHaveLength(candidates.length);
  });

  it('describes the pick in words', () => {
    expect(describePick({ kind: 'count', per_agent: 1 }, 'week')).toBe('1 call per agent per week');
    expect(describePick({ kind: 'percent', per_agent: 5 }, 'month')).toBe('5% of calls per agent per month');
    expect(describePick({ kind: 'all' }, 'day')).toBe('every matching call');
  });
});
