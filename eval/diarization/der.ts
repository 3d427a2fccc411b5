/**
 * Diarization error rate, as NIST scores it: over time, per 10 ms step, with R reference and H
 * hypothesis speakers active and C of them matching, the error is max(R, H) − C, split into
 * missed speech (R > H), false alarm (H > R) and confusion (the rest); summed and divided by
 * the reference speech (overlaps count once per speaker). Steps within `collarS` of a
 * reference boundary are not scored (NIST's usual collar is 0.25 s; 0 scores everything).
 */
import type { TimeSpan } from '../match-events.ts';

export type TwoParties<T> = { agent: T; customer: T };

export interface DiarizationError {
  der: number;
  missed: number;
  falseAlarm: number;
  confusion: number;
  /** Seconds of scored reference speech. */
  referenceS: number;
}

const stepS = 0.01;

function activity(spans: readonly TimeSpan[], steps: number): Uint8Array {
  const active = new Uint8Array(steps);
  for (const { start, end } of spans) active.fill(1, Math.max(0, Math.round(start / stepS)), Math.min(steps, Math.round(end / stepS)));
  return active;
}

/** Error of `hypothesis` against `reference`, each speaker's spans labelled by party as given. */
export function diarizationError(reference: TwoParties<readonly TimeSpan[]>, hypothesis: TwoParties<readonly TimeSpan[]>, collarS = 0): DiarizationError {
  const endS = Math.max(0, ...[reference.agent, reference.customer, hypothesis.agent, hypothesis.customer].flat().map((span) => span.end));
  const steps = Math.ceil(endS / stepS) + 1;
  const reference_ = [activity(reference.agent, steps), activity(reference.customer, steps)];
  const hypothesis_ = [activity(hypothesis.agent, steps), activity(hypothesis.customer, steps)];
  const scored = new Uint8Array(steps).fill(1);
  const collarSteps = Math.round(collarS / stepS);
  if (collarSteps > 0) {
    for (const { start, end } of [...reference.agent, ...reference.customer]) {
      for (const boundary of [start, end]) scored.fill(0, Math.max(0, Math.round(boundary / stepS) - collarSteps), Math.min(steps, Math.round(boundary / stepS) + collarSteps));
    }
  }
  let referenceSteps = 0;
  let missed = 0;
  let falseAlarm = 0;
  let confusion = 0;
  for (let step = 0; step < steps; step++) {
    if (!scored[step]) continue;
    const inReference = reference_[0]![step]! + reference_[1]![step]!;
    const inHypothesis = hypothesis_[0]![step]! + hypothesis_[1]![step]!;
    const correct = (reference_[0]![step]! & hypothesis_[0]![step]!) + (reference_[1]![step]! & hypothesis_[1]![step]!);
    referenceSteps += inReference;
    missed += Math.max(0, inReference - inHypothesis);
    falseAlarm += Math.max(0, inHypothesis - inReference);
    confusion += Math.min(inReference, inHypothesis) - correct;
  }
  const share = (count: number) => (referenceSteps === 0 ? 0 : count / referenceSteps);
  return { der: share(missed + falseAlarm + confusion), missed: share(missed), falseAlarm: share(falseAlarm), confusion: share(confusion), referenceS: referenceSteps * stepS };
}

/** The lower of the two labellings: the hypothesis as labelled and with its parties swapped. */
export function bestPermutationError(reference: TwoParties<readonly TimeSpan[]>, hypothesis: TwoParties<readonly TimeSpan[]>, collarS = 0): DiarizationError {
  const asLabelled = diarizationError(reference, hypothesis, collarS);
  const swapped = diarizationError(reference, { agent: hypothesis.customer, customer: hypothesis.agent }, collarS);
  return swapped.der < asLabelled.der ? swapped : asLabelled;
}
