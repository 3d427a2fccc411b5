/**
 * Talk-time figures per party of a stereo call: seconds of speech, talk/listen ratio and the
 * longest monologue. Definitions are in README.md.
 */
import { durationOf, roundS, totalDurationS, type Interval } from './intervals.ts';
import type { AudioThresholds } from './thresholds.ts';
import type { SpeakingParty, SpurtsByParty } from './turn-events.ts';

export interface PartyTalk {
  channel: number;
  talkS: number;
  /** Own talk time over the other party's; null when the other party never speaks. */
  talkListenRatio: number | null;
  longestMonologueS: number;
}

/** Cuts intervals at the given sorted times, so no piece spans a cut. */
function cutAt(intervals: readonly Interval[], cutTimesS: readonly number[]): Interval[] {
  return intervals.flatMap((interval) => {
    const inside = cutTimesS.filter((timeS) => timeS > interval.startS && timeS < interval.endS);
    const bounds = [interval.startS, ...inside, interval.endS];
    return bounds.slice(1).map((endS, index) => ({ startS: bounds[index]!, endS }));
  });
}

/**
 * Longest stretch of one party's speech without a turn change: its spurts, cut wherever the
 * other party starts a turn (a spurt longer than a backchannel), chained while the pause
 * between pieces is at most monologue.maxPauseS and no such turn starts in it.
 */
export function longestMonologueS(own: readonly Interval[], other: readonly Interval[], thresholds: AudioThresholds): number {
  const turnStartsS = other.filter((spurt) => durationOf(spurt) > thresholds.backchannel.maxSpurtS).map((spurt) => spurt.startS);
  let longestS = 0;
  let chainStartS = Number.NEGATIVE_INFINITY;
  let chainEndS = Number.NEGATIVE_INFINITY;
  for (const piece of cutAt(own, turnStartsS)) {
    const pauseS = piece.startS - chainEndS;
    const turnTakenInPause = turnStartsS.some((timeS) => timeS >= chainEndS && timeS <= piece.startS);
    if (pauseS > thresholds.monologue.maxPauseS || turnTakenInPause) chainStartS = piece.startS;
    chainEndS = piece.endS;
    longestS = Math.max(longestS, chainEndS - chainStartS);
  }
  return longestS;
}

/** Talk figures of both parties from their speech segments and spurts. */
export function measurePartyTalk(
  segments: SpurtsByParty,
  spurts: SpurtsByParty,
  channelOf: Readonly<Record<SpeakingParty, number>>,
  thresholds: AudioThresholds,
): Record<SpeakingParty, PartyTalk> {
  const talkS = { agent: totalDurationS(segments.agent), customer: totalDurationS(segments.customer) };
  const describe = (party: SpeakingParty, other: SpeakingParty): PartyTalk => ({
    channel: channelOf[party],
    talkS: roundS(talkS[party]),
    talkListenRatio: talkS[other] > 0 ? roundS(talkS[party] / talkS[other]) : null,
    longestMonologueS: roundS(longestMonologueS(spurts[party], spurts[other], thresholds)),
  });
  return { agent: describe('agent', 'customer'), customer: describe('customer', 'agent') };
}
