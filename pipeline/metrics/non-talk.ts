/** Non-talk time as the leading products define it, beside callqa's exact dead air and holds. */
import { gapsBetween, mergeIntervals, totalDurationS, type Interval } from '../audio/index.ts';
import type { CallEvent, ConversationMetrics } from '../result/call-result.ts';
import { roundTo } from './frames.ts';
import type { MetricsThresholds } from './thresholds.ts';

const secondsOf = (events: readonly CallEvent[], type: CallEvent['type']) =>
  events.filter((event) => event.type === type).reduce((sum, event) => sum + event.end - event.start, 0);

export function measureNonTalk(speech: readonly Interval[], events: readonly CallEvent[], durationS: number, thresholds: MetricsThresholds['nonTalk']): ConversationMetrics['non_talk'] {
  const gaps = gapsBetween(mergeIntervals(speech)).filter((gap) => gap.endS - gap.startS >= thresholds.minGapS);
  const totalS = totalDurationS(gaps);
  return {
    min_gap_s: thresholds.minGapS,
    total_s: roundTo(totalS, 3),
    count: gaps.length,
    call_share: durationS > 0 ? roundTo(totalS / durationS, 4) : 0,
    dead_air_s: roundTo(secondsOf(events, 'dead_air'), 3),
    hold_s: roundTo(secondsOf(events, 'hold'), 3),
  };
}
