/**
 * Who spoke when, from the per-frame columns of a whole call: music found per channel is
 * taken out of the speech probabilities (Silero sometimes fires on music), speech segments
 * follow, then talk figures and events. Mono calls get segments, silence, holds and dead
 * air; interruptions and backchannels need two parties and are not looked for.
 */
import type { CallEvent, EventType, Party } from '../result/call-result.ts';
import type { FrameSeries } from './frame-stream.ts';
import { intersectIntervals, mergeIntervals, roundS, totalDurationS, type Interval } from './intervals.ts';
import { findMusicFrames, findMusicRegions } from './music-detector.ts';
import { measurePartyTalk, type PartyTalk } from './party-stats.ts';
import { findGapEvents } from './gap-events.ts';
import { findSpeechSegments } from './speech-segments.ts';
import type { AudioThresholds } from './thresholds.ts';
import { findTurnEvents, type SpeakingParty } from './turn-events.ts';

export interface SpeechSegment extends Interval {
  channel: number;
  party: Party;
}

export interface SpeechActivity {
  /** Every channel's speech segments, by channel then time. */
  segments: SpeechSegment[];
  /** Stereo calls only: talk figures of the agent and the customer. */
  parties: Record<SpeakingParty, PartyTalk> | null;
  /** Seconds in which nobody speaks (music included). */
  silenceS: number;
  /** Seconds in which both parties speak; null for mono. */
  overlapS: number | null;
  events: CallEvent[];
  eventTypesChecked: EventType[];
}

function analyseChannel(series: FrameSeries, channel: number, durationS: number, thresholds: AudioThresholds) {
  const musicFrames = findMusicFrames(series.steadyTonal[channel]!, series.frameS, thresholds.music);
  const probabilities = series.speechProbability[channel]!.map((probability, frame) => (musicFrames[frame] ? 0 : probability));
  return {
    speech: findSpeechSegments(probabilities, series.frameS, durationS, thresholds.vad),
    music: findMusicRegions(musicFrames, series.frameS, thresholds.music),
  };
}

/** Describes the speech of a call from its frame columns; `durationS` is the decoded length. */
export function describeSpeechActivity(
  series: FrameSeries,
  partyOfChannel: readonly Party[],
  durationS: number,
  thresholds: AudioThresholds,
): SpeechActivity {
  const channels = partyOfChannel.map((_, channel) => analyseChannel(series, channel, durationS, thresholds));
  const segments = channels.flatMap(({ speech }, channel) =>
    speech.map((interval) => ({ channel, party: partyOfChannel[channel]!, startS: roundS(interval.startS), endS: roundS(interval.endS) })),
  );
  const anySpeech = mergeIntervals(channels.flatMap(({ speech }) => speech));
  const anyMusic = mergeIntervals(channels.flatMap(({ music }) => music));
  const silenceS = roundS(durationS - totalDurationS(anySpeech));
  const gapEvents = findGapEvents(anySpeech, anyMusic, thresholds);
  const agentChannel = partyOfChannel.indexOf('agent');
  const customerChannel = partyOfChannel.indexOf('customer');
  if (agentChannel < 0 || customerChannel < 0) {
    return { segments, parties: null, silenceS, overlapS: null, events: gapEvents, eventTypesChecked: ['hold', 'dead_air'] };
  }
  const speechOf = { agent: channels[agentChannel]!.speech, customer: channels[customerChannel]!.speech };
  const spurtsOf = {
    agent: mergeIntervals(speechOf.agent, thresholds.turns.bridgeGapS),
    customer: mergeIntervals(speechOf.customer, thresholds.turns.bridgeGapS),
  };
  return {
    segments,
    parties: measurePartyTalk(speechOf, spurtsOf, { agent: agentChannel, customer: customerChannel }, thresholds),
    silenceS,
    overlapS: roundS(totalDurationS(intersectIntervals(speechOf.agent, speechOf.customer))),
    events: [...findTurnEvents(spurtsOf, thresholds), ...gapEvents].sort((a, b) => a.start - b.start),
    eventTypesChecked: ['interruption', 'backchannel', 'hold', 'dead_air'],
  };
}
