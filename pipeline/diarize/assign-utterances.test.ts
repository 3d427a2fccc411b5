import { describe, expect, it } from 'vitest';
import type { Utterance } from '../result/call-result.ts';
import { assignUtterancesToParties, type PartyTurn } from './assign-utterances.ts';

const turns: PartyTurn[] = [
  { startS: 0, endS: 2, party: 'agent' },
  { startS: 2, endS: 4, party: 'customer' },
];

describe('assignUtterancesToParties', () => {
  it('cuts an utterance with timed words where the speaker changes', () => {
    const utterance: Utterance = {
      party: 'unknown', start: 0.1, end: 3.9, text: 'Hello there. Hi!',
      words: [{ start: 0.1, end: 0.8, text: 'Hello' }, { start: 0.9, end: 1.8, text: ' there.' }, { start: 2.2, end: 3.9, text: ' Hi!' }],
    };
    const assigned = assignUtterancesToParties([utterance], turns);
    expect(assigned.map(({ party, start, end, text }) => ({ party, start, end, text }))).toEqual([
      { party: 'agent', start: 0.1, end: 1.8, text: 'Hello there.' },
      { party: 'customer', start: 2.2, end: 3.9, text: 'Hi!' },
    ]);
  });

  it('gives an utterance without word times whole to the party that speaks most of it, and keeps known parties', () => {
    const unknown: Utterance = { party: 'unknown', start: 1.5, end: 3.5, text: 'mostly the customer' };
    const known: Utterance = { party: 'agent', start: 2.5, end: 3, text: 'kept as given' };
    expect(assignUtterancesToParties([unknown, known], turns).map((utterance) => utterance.party)).toEqual(['customer', 'agent']);
  });
});
