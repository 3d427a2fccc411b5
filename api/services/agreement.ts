/**
 * Inter-rater agreement over categorical verdicts (pass / fail / n/a): percent agreement,
 * Cohen's kappa for a pair of raters and Fleiss' kappa for several. Kappa corrects agreement
 * for what the raters' own category frequencies would give by chance:
 * κ = (p_o − p_e) / (1 − p_e). It is undefined (null) when chance agreement is already 1,
 * i.e. every rating falls in one category: agreement there says nothing about the raters.
 * References: Cohen (1960), Fleiss (1971); the unit tests check the textbook examples.
 */

/** A pair of raters' verdicts on the same items; null where a rater gave none. */
export type Ratings = readonly (string | null)[];

/** Agreement of two raters over the items both rated. */
export interface PairAgreement {
  items: number;
  /** Share of those items with the same verdict, 0–1; null without items. */
  percent: number | null;
  kappa: number | null;
}

function pairedItems(a: Ratings, b: Ratings): [string, string][] {
  if (a.length !== b.length) throw new RangeError(`ratings differ in length: ${a.length} and ${b.length}`);
  return a.flatMap((value, index) => (value !== null && b[index] !== null ? [[value, b[index]!] as [string, string]] : []));
}

function frequencies(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Percent agreement and Cohen's kappa of two raters, over the items both rated. */
export function cohensKappa(a: Ratings, b: Ratings): PairAgreement {
  const pairs = pairedItems(a, b);
  const n = pairs.length;
  if (n === 0) return { items: 0, percent: null, kappa: null };
  const observed = pairs.filter(([x, y]) => x === y).length / n;
  const countsA = frequencies(pairs.map(([x]) => x));
  const countsB = frequencies(pairs.map(([, y]) => y));
  let chance = 0;
  for (const [category, count] of countsA) chance += (count / n) * ((countsB.get(category) ?? 0) / n);
  return { items: n, percent: observed, kappa: chance >= 1 ? null : (observed - chance) / (1 - chance) };
}

/**
 * Fleiss' kappa over items each rated by the same number of raters (≥ 2): `items[i]` holds
 * item i's verdicts. Items with fewer verdicts than the first are refused, not dropped.
 */
export function fleissKappa(items: readonly (readonly string[])[]): number | null {
  if (items.length === 0) return null;
  const raters = items[0]!.length;
  if (raters < 2) return null;
  if (items.some((ratings) => ratings.length !== raters)) throw new RangeError('every item needs the same number of ratings for Fleiss\' kappa');
  const totals = new Map<string, number>();
  let observedSum = 0;
  for (const ratings of items) {
    const counts = frequencies(ratings);
    let agreeingPairs = 0;
    for (const [category, count] of counts) {
      agreeingPairs += count * (count - 1);
      totals.set(category, (totals.get(category) ?? 0) + count);
    }
    observedSum += agreeingPairs / (raters * (raters - 1));
  }
  const observed = observedSum / items.length;
  let chance = 0;
  for (const count of totals.values()) chance += (count / (items.length * raters)) ** 2;
  return chance >= 1 ? null : (observed - chance) / (1 - chance);
}

/** The verdict most raters gave; null on a tie between the most frequent, or without verdicts. */
export function consensusOf(ratings: readonly string[]): string | null {
  const ranked = [...frequencies(ratings)].sort((x, y) => y[1] - x[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return null;
  return ranked[0]![0];
}
