/**
 * Holds and dead air: gaps in the conversation, i.e. stretches between two consecutive pieces
 * of speech (either party) in which nobody speaks. Time before the first and after the last
 * speech (ringing, hang-up) is not inside the conversation and is never flagged.
 */
import type { CallEvent } from '../result/call-result.ts';
import { coveredS, durationOf, gapsBetween, roundS, type Interval } from './intervals.ts';
import type { AudioThresholds } from './thresholds.ts';

/**
 * `speech`: the union of every channel's speech, normalised; `music`: music regions of every
 * channel, normalised. A gap of at least hold.minGapS is a hold, of kind music when music
 * covers at least hold.minMusicShare of it; a shorter gap of at least deadAir.minGapS is dead
 * air unless music covers that share (a short musical pause is neither).
 */
export function findGapEvents(speech: readonly Interval[], music: readonly Interval[], thresholds: AudioThresholds): CallEvent[] {
  const events: CallEvent[] = [];
  for (const gap of gapsBetween(speech)) {
    const lengthS = durationOf(gap);
    if (lengthS < thresholds.deadAir.minGapS) continue;
    const isMusical = coveredS(gap, music) >= thresholds.hold.minMusicShare * lengthS;
    const span = { start: roundS(gap.startS), end: roundS(gap.endS) };
    if (lengthS >= thresholds.hold.minGapS) events.push({ type: 'hold', ...span, kind: isMusical ? 'music' : 'silence' });
    else if (!isMusical) events.push({ type: 'dead_air', ...span });
  }
  return events;
}
