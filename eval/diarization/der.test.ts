import { describe, expect, it } from 'vitest';
import { bestPermutationError, diarizationError } from './der.ts';

const reference = { agent: [{ start: 0, end: 4 }], customer: [{ start: 4, end: 8 }, { start: 6, end: 7 }] };

describe('diarization error rate', () => {
  it('is zero for the reference itself', () => {
    expect(diarizationError(reference, reference).der).toBe(0);
  });

  it('splits errors into missed speech, false alarm and confusion over the reference speech', () => {
    const hypothesis = { agent: [{ start: 0, end: 3 }, { start: 7, end: 8 }], customer: [{ start: 4, end: 7 }, { start: 8, end: 9 }] };
    const error = diarizationError(reference, hypothesis);
    expect(error.referenceS).toBeCloseTo(8, 5);
    expect(error.missed).toBeCloseTo(1 / 8, 5);
    expect(error.falseAlarm).toBeCloseTo(1 / 8, 5);
    expect(error.confusion).toBeCloseTo(1 / 8, 5);
    expect(error.der).toBeCloseTo(3 / 8, 5);
  });

  it('scores the labels as given, and the best permutation finds the swapped ones right', () => {
    const swapped = { agent: reference.customer, customer: reference.agent };
    expect(diarizationError(reference, swapped).confusion).toBeCloseTo(1, 5);
    expect(bestPermutationError(reference, swapped).der).toBe(0);
  });

  it('leaves steps within the collar of a reference boundary unscored', () => {
    const late = { agent: [{ start: 0.2, end: 4 }], customer: [{ start: 4, end: 8 }] };
    expect(diarizationError({ agent: [{ start: 0, end: 4 }], customer: [{ start: 4, end: 8 }] }, late).der).toBeGreaterThan(0);
    expect(diarizationError({ agent: [{ start: 0, end: 4 }], customer: [{ start: 4, end: 8 }] }, late, 0.25).der).toBe(0);
  });
});
