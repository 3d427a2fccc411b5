/**
 * Detection figures per event kind: precision, recall, F1 and the median absolute start and
 * end error of matched events (matching rule in match-events.ts). Only calls whose result
 * lists the type in `event_types_checked` count; when none does, every figure of that kind is
 * not available.
 */
import type { CallEvent, EventType } from '../pipeline/result/call-result.ts';
import type { TruthEvent } from './load-truth.ts';
import { matchEvents, type EventMatching } from './match-events.ts';
import { medianOf, notAvailable, shareOf, type EvaluatedCall, type Figures } from './measure.ts';

type SpeakingParty = 'agent' | 'customer';

export interface EventKind {
  /** Prefix of the figure keys, e.g. `interruption.agent`. */
  key: string;
  type: EventType;
  /** Events only pair with events by the same party; null for events that have no `by`. */
  byParties: readonly SpeakingParty[] | null;
}

export const eventKinds: readonly EventKind[] = [
  { key: 'interruption.agent', type: 'interruption', byParties: ['agent'] },
  { key: 'interruption.customer', type: 'interruption', byParties: ['customer'] },
  { key: 'backchannel', type: 'backchannel', byParties: ['agent', 'customer'] },
  { key: 'hold', type: 'hold', byParties: null },
  { key: 'dead_air', type: 'dead_air', byParties: null },
  { key: 'transfer', type: 'transfer', byParties: null },
];

function selectEvents<E extends TruthEvent | CallEvent>(events: readonly E[], type: EventType, by: SpeakingParty | null): E[] {
  return events.filter((event) => event.type === type && (by === null || ('by' in event && event.by === by)));
}

export const isChecked = (call: EvaluatedCall, type: EventType): boolean => call.result.event_types_checked.includes(type);

/** One call's truth and detected events of one kind, paired by the rule in match-events.ts. */
export function matchEventKind(call: EvaluatedCall, kind: EventKind): EventMatching<TruthEvent, CallEvent> {
  const matchings = (kind.byParties ?? [null]).map((by) =>
    matchEvents(selectEvents(call.truth.events, kind.type, by), selectEvents(call.result.events, kind.type, by)),
  );
  return {
    pairs: matchings.flatMap((matching) => matching.pairs),
    missed: matchings.flatMap((matching) => matching.missed),
    spurious: matchings.flatMap((matching) => matching.spurious),
  };
}

/** `<key>.precision|recall|f1|start_error_s|end_error_s` for one event kind over `calls`. */
export function measureEventKind(calls: readonly EvaluatedCall[], kind: EventKind): Figures {
  const checkedCalls = calls.filter((call) => isChecked(call, kind.type));
  if (checkedCalls.length === 0) {
    const reason = `${kind.type} not in event_types_checked`;
    const units = { precision: 'score', recall: 'score', f1: 'score', start_error_s: 'seconds', end_error_s: 'seconds' } as const;
    return Object.fromEntries(Object.entries(units).map(([name, unit]) => [`${kind.key}.${name}`, notAvailable(reason, unit)]));
  }
  let truthCount = 0;
  let detectedCount = 0;
  const startErrorsS: number[] = [];
  const endErrorsS: number[] = [];
  for (const call of checkedCalls) {
    const { pairs, missed, spurious } = matchEventKind(call, kind);
    truthCount += pairs.length + missed.length;
    detectedCount += pairs.length + spurious.length;
    for (const { truth, detected } of pairs) {
      startErrorsS.push(Math.abs(detected.start - truth.start));
      endErrorsS.push(Math.abs(detected.end - truth.end));
    }
  }
  const matchedCount = startErrorsS.length;
  return {
    [`${kind.key}.precision`]: shareOf(matchedCount, detectedCount, 'score', `no ${kind.key} detected`),
    [`${kind.key}.recall`]: shareOf(matchedCount, truthCount, 'score', `no ${kind.key} in the truth`),
    // F1 = 2·TP / (truth + detected): the harmonic mean of precision and recall, and defined
    // (as 0) when one side is empty, so detecting nothing at all fails rather than vanishes.
    [`${kind.key}.f1`]: shareOf(2 * matchedCount, truthCount + detectedCount, 'score', `no ${kind.key} in the truth or detected`),
    [`${kind.key}.start_error_s`]: medianOf(startErrorsS, 'seconds', `no ${kind.key} matched`),
    [`${kind.key}.end_error_s`]: medianOf(endErrorsS, 'seconds', `no ${kind.key} matched`),
  };
}

export function measureEvents(calls: readonly EvaluatedCall[]): Figures {
  return Object.fromEntries(eventKinds.flatMap((kind) => Object.entries(measureEventKind(calls, kind))));
}
