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
  /** Every monologue (chain of the party's speech without a turn change), in order. */
  monologues: Interval[];
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
 * Stretches of one party's speech without a turn change: its spurts, cut wherever the other
 * party starts a turn (a spurt longer than a backchannel), chained while the pause between
 * pieces is at most monologue.maxPauseS and no such turn starts in it.
 */
export function findMonologues(own: readonly Interval[], other: readonly Interval[], thresholds: AudioThresholds): Interval[] {
  const turnStartsS = other.filter((spurt) => durationOf(spurt) > thresholds.backchannel.maxSpurtS).map((spurt) => spurt.startS);
  const chains: Interval[] = [];
  for (const piece of cutAt(own, turnStartsS)) {
    const chain = chains.at(-1);
    const pauseS = chain ? piece.startS - chain.endS : Number.POSITIVE_INFINITY;
    const turnTakenInPause = chain !== undefined && turnStartsS.some((timeS) => timeS >= chain.endS && timeS <= piece.startS);
    if (!chain || pauseS > thresholds.monologue.maxPauseS || turnTakenInPause) chains.push(piece);
    else chains[chains.length - 1] = { startS: chain.startS, endS: piece.endS };
  }
  return chains;
}

/** Length of the longest interval, 0 for none. */
export function longestS(intervals: readonly Interval[]): number {
  return intervals.reduce((longest, interval) => Math.max(longest, durationOf(interval)), 0);
}

/** Talk figures of both parties from their speech segments and spurts. */
export function measurePartyTalk(
  segments: SpurtsByParty,
  spurts: SpurtsByParty,
  channelOf: Readonly<Record<SpeakingParty, number>>,
  thresholds: AudioThresholds,
): Record<SpeakingParty, PartyTalk> {
  const talkS = { agent: totalDurationS(segments.agent), customer: totalDurationS(segments.customer) };
  const describe = (party: SpeakingParty, other: SpeakingParty): PartyTalk => {
    const monologues = findMonologues(spurts[party], spurts[other], thresholds).map(({ startS, endS }) => ({ startS: roundS(startS), endS: roundS(endS) }));
    return {
      channel: channelOf[party],
      talkS: roundS(talkS[party]),
      talkListenRatio: talkS[other] > 0 ? roundS(talkS[party] / talkS[other]) : null,
      longestMonologueS: roundS(longestS(monologues)),
      monologues,
    };
  };
  return { agent: describe('agent', 'customer'), customer: describe('customer', 'agent') };
}
