/**
 * Interruptions and backchannels from the two parties' spurts (speech segments bridged across
 * pauses shorter than turns.bridgeGapS). Only a spurt that starts while the other party's
 * spurt is running can be either; see README.md for the definitions a listener can check.
 */
import type { CallEvent } from '../result/call-result.ts';
import { durationOf, findContaining, roundS, type Interval } from './intervals.ts';
import type { AudioThresholds } from './thresholds.ts';

export type SpeakingParty = 'agent' | 'customer';
export type SpurtsByParty = Readonly<Record<SpeakingParty, readonly Interval[]>>;

const otherParty = { agent: 'customer', customer: 'agent' } as const satisfies Record<SpeakingParty, SpeakingParty>;

/** What one spurt of `by`, started inside `host` (the other party's spurt), amounts to. */
function classifyOverlap(by: SpeakingParty, spurt: Interval, host: Interval, thresholds: AudioThresholds): CallEvent | null {
  const lengthS = durationOf(spurt);
  // A short burst that the other party talks through is feedback, not a bid for the turn.
  if (lengthS <= thresholds.backchannel.maxSpurtS && host.endS >= spurt.endS) {
    return { type: 'backchannel', by, start: roundS(spurt.startS), end: roundS(spurt.endS) };
  }
  const overlapEndS = Math.min(host.endS, spurt.endS);
  const overlapS = overlapEndS - spurt.startS;
  if (overlapS >= thresholds.interruption.minOverlapS && lengthS >= thresholds.interruption.minSpurtS) {
    return { type: 'interruption', by, start: roundS(spurt.startS), end: roundS(overlapEndS), overlap_s: roundS(overlapS) };
  }
  // A turn taken a moment before the other finishes, or a short remark that ends the other's turn.
  return null;
}

/** Interruptions and backchannels by either party, in order of onset. */
export function findTurnEvents(spurts: SpurtsByParty, thresholds: AudioThresholds): CallEvent[] {
  const events: CallEvent[] = [];
  for (const by of ['agent', 'customer'] as const) {
    const hostSpurts = spurts[otherParty[by]];
    for (const spurt of spurts[by]) {
      const host = findContaining(hostSpurts, spurt.startS);
      const event = host ? classifyOverlap(by, spurt, host, thresholds) : null;
      if (event) events.push(event);
    }
  }
  return events.sort((a, b) => a.start - b.start);
}
