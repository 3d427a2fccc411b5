/**
 * The figures of one robustness condition: every figure the sample eval has (metrics.ts), plus
 * interruption detection over both parties together, and how often a short overlap — a
 * reply started up to 0.6 s before the other party finished — is taken for an interruption.
 */
import { measureEventKind, matchEventKind, eventKinds, type EventKind } from '../event-metrics.ts';
import { isCloseEnough, type TimeSpan } from '../match-events.ts';
import { shareOf, type EvaluatedCall, type Figures } from '../measure.ts';
import { measureGroup } from '../metrics.ts';
import type { TruthUtterance } from '../load-truth.ts';

const bothParties: EventKind = { key: 'interruption', type: 'interruption', byParties: ['agent', 'customer'] };
const interruptionKinds = eventKinds.filter((kind) => kind.type === 'interruption');

/**
 * The overlaps of truth utterances that start inside the other party's utterance and are
 * neither an interruption nor a backchannel: from the early start to the other's end.
 */
function shortOverlapsOf(call: EvaluatedCall): TimeSpan[] {
  const { utterances, events } = call.truth;
  const isEventOnset = (utterance: TruthUtterance) =>
    events.some((event) => (event.type === 'interruption' || event.type === 'backchannel') && event.by === utterance.party && Math.abs(event.start - utterance.start) < 1e-3);
  return utterances.flatMap((utterance) => {
    const host = utterances.find((other) => other.party !== utterance.party && other.start < utterance.start && other.end > utterance.start);
    return host && !isEventOnset(utterance) ? [{ start: utterance.start, end: host.end }] : [];
  });
}

/** `short_overlap.as_interruption`: share of short overlaps near which a false interruption was reported. */
function measureShortOverlaps(calls: readonly EvaluatedCall[]): Figures {
  let total = 0;
  let taken = 0;
  for (const call of calls.filter((candidate) => candidate.result.event_types_checked.includes('interruption'))) {
    const falsePositives = interruptionKinds.flatMap((kind) => matchEventKind(call, kind).spurious);
    const overlaps = shortOverlapsOf(call);
    total += overlaps.length;
    taken += overlaps.filter((overlap) => falsePositives.some((detected) => isCloseEnough(overlap, detected))).length;
  }
  return { 'short_overlap.as_interruption': shareOf(taken, total, 'share', 'no short overlap in the truth') };
}

export function measureCondition(calls: readonly EvaluatedCall[]): Figures {
  return { ...measureEventKind(calls, bothParties), ...measureShortOverlaps(calls), ...measureGroup(calls) };
}
