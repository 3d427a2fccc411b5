/**
 * Who spoke when, from the per-frame columns of a whole call: music found per channel is
 * taken out of the speech probabilities (Silero sometimes fires on music), speech segments
 * follow, then talk figures and events. Mono calls get segments, silence, holds and dead
 * air; interruptions and backchannels need two parties and are not looked for, until a
 * diarization tells the parties apart (describeDiarizedSpeech).
 */
import type { CallEvent, EventType, Party } from '../result/call-result.ts';
import { findLeakageFrames, noiseFloorDb } from './cross-talk.ts';
import type { FrameSeries } from './frame-stream.ts';
import { intersectIntervals, mergeIntervals, roundS, totalDurationS, type Interval } from './intervals.ts';
import { findMusicFrames, findMusicRegions } from './music-detector.ts';
import { measurePartyTalk, type PartyTalk } from './party-stats.ts';
import { findGapEvents } from './gap-events.ts';
import { findSpeechSegments } from './speech-segments.ts';
import type { AudioThresholds } from './thresholds.ts';
import { findTurnEvents, type SpeakingParty, type SpurtsByParty } from './turn-events.ts';

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

/**
 * Whether enough of a segment's frames are the party's own voice: not leakage, and at least
 * `noiseFloor.minAboveDb` over the channel's noise floor.
 */
function isOwnVoice(segment: Interval, levels: Float32Array, leakage: Uint8Array, loudFromDb: number, frameS: number, noiseFloor: AudioThresholds['noiseFloor']): boolean {
  const from = Math.floor(segment.startS / frameS);
  const to = Math.min(levels.length, Math.ceil(segment.endS / frameS));
  let loud = 0;
  for (let frame = from; frame < to; frame++) if (levels[frame]! >= loudFromDb && !leakage[frame]) loud++;
  return loud >= noiseFloor.minLoudShare * Math.max(1, to - from);
}

/**
 * Music and the other channel's leakage (cross-talk.ts) are never speech of this channel's
 * party; a segment that hardly rises over the channel's noise floor is line noise Silero took
 * for a voice. The floor test is per segment, not per frame: pauses between words sit at the
 * floor, and cutting them would split a party's sentences.
 */
function analyseChannel(series: FrameSeries, channel: number, leakage: Uint8Array, durationS: number, thresholds: AudioThresholds) {
  const musicFrames = findMusicFrames(series.steadyTonal[channel]!, series.frameS, thresholds.music);
  const levels = series.levelDb[channel]!;
  const loudFromDb = noiseFloorDb(levels, thresholds.noiseFloor.quantile) + thresholds.noiseFloor.minAboveDb;
  const probabilities = series.speechProbability[channel]!.map((probability, frame) => (musicFrames[frame] || leakage[frame] ? 0 : probability));
  const speech = findSpeechSegments(probabilities, series.frameS, durationS, thresholds.vad);
  return {
    speech: speech.filter((segment) => isOwnVoice(segment, levels, leakage, loudFromDb, series.frameS, thresholds.noiseFloor)),
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
  const leakage = findLeakageFrames(series.levelDb, series.frameS, thresholds);
  const channels = partyOfChannel.map((_, channel) => analyseChannel(series, channel, leakage[channel]!, durationS, thresholds));
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
  return { segments, silenceS, ...describeParties(speechOf, { agent: agentChannel, customer: customerChannel }, gapEvents, true, thresholds) };
}

/**
 * Talk figures, overlap and events of two parties' speech. Interruptions and backchannels are
 * looked for only when `overlapsVisible`: a method that sees one speaker at a time would find
 * none, which is not the same as none happening.
 */
function describeParties(
  speechOf: SpurtsByParty, channelOf: Readonly<Record<SpeakingParty, number>>, gapEvents: readonly CallEvent[], overlapsVisible: boolean, thresholds: AudioThresholds,
): Pick<SpeechActivity, 'parties' | 'overlapS' | 'events' | 'eventTypesChecked'> {
  const spurtsOf = {
    agent: mergeIntervals(speechOf.agent, thresholds.turns.bridgeGapS),
    customer: mergeIntervals(speechOf.customer, thresholds.turns.bridgeGapS),
  };
  const turnEvents = overlapsVisible ? findTurnEvents(spurtsOf, thresholds) : [];
  return {
    parties: measurePartyTalk(speechOf, spurtsOf, channelOf, thresholds),
    overlapS: overlapsVisible ? roundS(totalDurationS(intersectIntervals(speechOf.agent, speechOf.customer))) : null,
    events: [...turnEvents, ...gapEvents].sort((a, b) => a.start - b.start),
    eventTypesChecked: overlapsVisible ? ['interruption', 'backchannel', 'hold', 'dead_air'] : ['hold', 'dead_air'],
  };
}

/** One channel's speech told apart into the two parties by a diarization (pipeline/diarize). */
export interface DiarizedChannel {
  channel: number;
  speechOf: SpurtsByParty;
  overlapsVisible: boolean;
}

/**
 * The speech activity of a call whose channel carries both parties, from its diarization:
 * that channel's segments become the parties' turns, talk figures follow, and the gaps (holds,
 * dead air) stay as the audio stage found them, since nobody speaks in them either way.
 */
export function describeDiarizedSpeech(activity: SpeechActivity, diarized: DiarizedChannel, thresholds: AudioThresholds): SpeechActivity {
  const { channel, speechOf } = diarized;
  const partySegments = (['agent', 'customer'] as const).flatMap((party) =>
    speechOf[party].map((interval) => ({ channel, party, startS: roundS(interval.startS), endS: roundS(interval.endS) })));
  const segments = [...activity.segments.filter((segment) => segment.channel !== channel), ...partySegments]
    .sort((a, b) => a.channel - b.channel || a.startS - b.startS);
  const gapEvents = activity.events.filter((event) => event.type === 'hold' || event.type === 'dead_air');
  return { segments, silenceS: activity.silenceS, ...describeParties(speechOf, { agent: channel, customer: channel }, gapEvents, diarized.overlapsVisible, thresholds) };
}
