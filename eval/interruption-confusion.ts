/**
 * What the interruption detector mistakes for interruptions. A detected interruption that
 * pairs with no truth interruption is a false positive; two kinds of them are worth naming:
 *
 * - a truth **backchannel** ("uh-huh" under the other party's line) counts as taken for an
 *   interruption when such a false positive is close enough to it (overlap, or starts within
 *   the matching tolerance), whichever party the detector names: a backchannel given the wrong
 *   party is still a backchannel mistaken for an interruption;
 * - a **near-overlap turn change** is any other such false positive whose span, widened by the
 *   tolerance, contains the end of a truth utterance by the other party: the next speaker
 *   started a moment before the previous one finished.
 */
import type { CallEvent } from '../pipeline/result/call-result.ts';
import { isChecked, matchEventKind, eventKinds } from './event-metrics.ts';
import { isCloseEnough, matchToleranceS } from './match-events.ts';
import { shareOf, type EvaluatedCall, type Figures } from './measure.ts';

const interruptionKinds = eventKinds.filter((kind) => kind.type === 'interruption');

function isTurnChange(call: EvaluatedCall, interruption: CallEvent): boolean {
  const interrupter = 'by' in interruption ? interruption.by : null;
  return call.truth.utterances.some(
    (utterance) =>
      utterance.party !== interrupter &&
      utterance.end >= interruption.start - matchToleranceS &&
      utterance.end <= interruption.end + matchToleranceS,
  );
}

/** `backchannel.as_interruption` (share of truth backchannels) and
 * `turn_change.as_interruption` (share of detected interruptions). */
export function measureInterruptionConfusion(calls: readonly EvaluatedCall[]): Figures {
  let truthBackchannels = 0;
  let backchannelsTaken = 0;
  let detectedInterruptions = 0;
  let turnChangesTaken = 0;
  const checkedCalls = calls.filter((call) => isChecked(call, 'interruption'));
  for (const call of checkedCalls) {
    const falsePositives = interruptionKinds.flatMap((kind) => matchEventKind(call, kind).spurious);
    const backchannels = call.truth.events.filter((event) => event.type === 'backchannel');
    detectedInterruptions += call.result.events.filter((event) => event.type === 'interruption').length;
    truthBackchannels += backchannels.length;
    backchannelsTaken += backchannels.filter((backchannel) => falsePositives.some((detected) => isCloseEnough(backchannel, detected))).length;
    turnChangesTaken += falsePositives.filter(
      (detected) => !backchannels.some((backchannel) => isCloseEnough(backchannel, detected)) && isTurnChange(call, detected),
    ).length;
  }
  const uncheckedReason = 'interruption not in event_types_checked';
  return {
    'backchannel.as_interruption': shareOf(
      backchannelsTaken,
      truthBackchannels,
      'share',
      checkedCalls.length === 0 ? uncheckedReason : 'no backchannel in the truth',
    ),
    'turn_change.as_interruption': shareOf(
      turnChangesTaken,
      detectedInterruptions,
      'share',
      checkedCalls.length === 0 ? uncheckedReason : 'no interruption detected',
    ),
  };
}
