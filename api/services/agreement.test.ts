/** Agreement statistics against hand-checked textbook values. */
import { describe, expect, it } from 'vitest';
import { cohensKappa, consensusOf, fleissKappa } from './agreement.ts';

const repeat = (pairs: [string, string, number][]) => {
  const a: string[] = [];
  const b: string[] = [];
  for (const [x, y, times] of pairs) for (let index = 0; index < times; index++) {
    a.push(x);
    b.push(y);
  }
  return [a, b] as const;
};

describe("Cohen's kappa", () => {
  it('gives 0.4 for the classic 50-item example (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no)', () => {
    // p_o = 35/50 = 0.7; p_e = 0.5 × 0.6 + 0.5 × 0.4 = 0.5; κ = 0.2 / 0.5 = 0.4
    const [a, b] = repeat([['yes', 'yes', 20], ['yes', 'no', 5], ['no', 'yes', 10], ['no', 'no', 15]]);
    const result = cohensKappa(a, b);
    expect(result.items).toBe(50);
    expect(result.percent).toBeCloseTo(0.7, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
  });

  it('gives 6/11 for one disagreement in five (the calibration test plants this one)', () => {
    // p_o = 0.8; A passes 3/5, B 4/5: p_e = 0.6 × 0.8 + 0.4 × 0.2 = 0.56; κ = 0.24 / 0.44 = 6/11
    const result = cohensKappa(['pass', 'pass', 'fail', 'fail', 'pass'], ['pass', 'pass', 'fail', 'pass', 'pass']);
    expect(result.kappa).toBeCloseTo(6 / 11, 12);
  });

  it('is 1 for perfect agreement, negative for systematic disagreement, and null when chance agreement is 1', () => {
    expect(cohensKappa(['pass', 'fail', 'n/a'], ['pass', 'fail', 'n/a']).kappa).toBe(1);
    expect(cohensKappa(['pass', 'fail'], ['fail', 'pass']).kappa).toBe(-1);
    expect(cohensKappa(['pass', 'pass'], ['pass', 'pass'])).toEqual({ items: 2, percent: 1, kappa: null });
  });

  it('counts only the items both raters rated', () => {
    expect(cohensKappa(['pass', null, 'fail'], ['pass', 'fail', null])).toEqual({ items: 1, percent: 1, kappa: null });
    expect(cohensKappa([null], [null])).toEqual({ items: 0, percent: null, kappa: null });
    expect(() => cohensKappa(['pass'], [])).toThrow(RangeError);
  });
});

describe("Fleiss' kappa", () => {
  it("gives 0.210 for Fleiss' 10 items rated by 14 raters into 5 categories", () => {
    // The textbook table: P̄ = 0.378, P̄e = 0.213, κ = 0.210.
    const table = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ];
    const items = table.map((counts) => counts.flatMap((count, category) => Array<string>(count).fill(`c${category + 1}`)));
    expect(fleissKappa(items)).toBeCloseTo(0.20993, 4);
  });

  it('gives 11/21 for two raters with one disagreement in five (pooled marginals, unlike Cohen)', () => {
    // p(pass) = 7/10, p(fail) = 3/10: P̄e = 0.58; P̄ = 0.8; κ = 0.22 / 0.42 = 11/21
    const a = ['pass', 'pass', 'fail', 'fail', 'pass'];
    const b = ['pass', 'pass', 'fail', 'pass', 'pass'];
    expect(fleissKappa(a.map((value, index) => [value, b[index]!]))).toBeCloseTo(11 / 21, 12);
  });

  it('is null with no items, one rater or one category, and refuses uneven items', () => {
    expect(fleissKappa([])).toBeNull();
    expect(fleissKappa([['pass'], ['fail']])).toBeNull();
    expect(fleissKappa([['pass', 'pass'], ['pass', 'pass']])).toBeNull();
    expect(() => fleissKappa([['pass', 'fail'], ['pass']])).toThrow(RangeError);
  });
});

describe('consensus', () => {
  it('is the majority verdict, and none on a tie', () => {
    expect(consensusOf(['pass', 'fail', 'pass'])).toBe('pass');
    expect(consensusOf(['pass', 'fail'])).toBeNull();
    expect(consensusOf([])).toBeNull();
  });
});
