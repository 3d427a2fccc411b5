/**
 * Pairs detected events with truth events, one to one.
 *
 * The rule: the caller passes events of one kind only (same `type`, and for interruptions and
 * backchannels the same `by`). A truth and a detected event may pair when their spans overlap
 * or their starts lie within `matchToleranceS` of each other. Among all such pairs, the one
 * with the longest overlap is taken first (ties: the smaller start error, then the earlier
 * truth event), both events leave the pool, and so on until no pair is left. Greedy by best
 * overlap rather than an optimal assignment: events of one kind rarely crowd each other in a
 * call, and the greedy rule is easy to explain next to a number.
 */

export interface TimeSpan {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
}

/**
 * How far apart two starts may be for disjoint spans to still pair: a short planted event (a
 * 0.3 s backchannel) may be detected just after it ends. Half a second is about a syllable of
 * slack, while two planted events of one kind in a sample call are seconds apart.
 */
export const matchToleranceS = 0.5;

export interface EventPair<T extends TimeSpan, D extends TimeSpan> {
  truth: T;
  detected: D;
  overlapS: number;
}

export interface EventMatching<T extends TimeSpan, D extends TimeSpan> {
  pairs: EventPair<T, D>[];
  /** Truth events no detection was paired with (false negatives). */
  missed: T[];
  /** Detections paired with no truth event (false positives). */
  spurious: D[];
}

/** Seconds two spans share (0 when they are disjoint). */
export function overlapS(a: TimeSpan, b: TimeSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Whether the rule above lets two spans pair. */
export function isCloseEnough(a: TimeSpan, b: TimeSpan, toleranceS = matchToleranceS): boolean {
  return overlapS(a, b) > 0 || Math.abs(a.start - b.start) <= toleranceS;
}

export function matchEvents<T extends TimeSpan, D extends TimeSpan>(
  truth: readonly T[],
  detected: readonly D[],
  toleranceS = matchToleranceS,
): EventMatching<T, D> {
  const candidates: { truthIndex: number; detectedIndex: number; overlapS: number; startErrorS: number }[] = [];
  truth.forEach((truthEvent, truthIndex) => {
    detected.forEach((detectedEvent, detectedIndex) => {
      if (!isCloseEnough(truthEvent, detectedEvent, toleranceS)) return;
      const startErrorS = Math.abs(truthEvent.start - detectedEvent.start);
      candidates.push({ truthIndex, detectedIndex, overlapS: overlapS(truthEvent, detectedEvent), startErrorS });
    });
  });
  candidates.sort((a, b) => b.overlapS - a.overlapS || a.startErrorS - b.startErrorS || a.truthIndex - b.truthIndex);

  const usedTruth = new Set<number>();
  const usedDetected = new Set<number>();
  const pairs: EventPair<T, D>[] = [];
  for (const candidate of candidates) {
    if (usedTruth.has(candidate.truthIndex) || usedDetected.has(candidate.detectedIndex)) continue;
    usedTruth.add(candidate.truthIndex);
    usedDetected.add(candidate.detectedIndex);
    pairs.push({ truth: truth[candidate.truthIndex]!, detected: detected[candidate.detectedIndex]!, overlapS: candidate.overlapS });
  }
  pairs.sort((a, b) => a.truth.start - b.truth.start);
  return {
    pairs,
    missed: truth.filter((_, index) => !usedTruth.has(index)),
    spurious: detected.filter((_, index) => !usedDetected.has(index)),
  };
}
