/**
 * Metrics stage: per-party conversation figures — talk speed, monologues, non-talk time,
 * loudness and pitch — from the audio stage's per-frame tracks and speech, and the transcript.
 * Figures with definitions (README.md), never emotion labels, so they stand with agent
 * sentiment off.
 */
import { durationOf, longestS, totalDurationS, type Interval } from '../audio/index.ts';
import type { CallEvent, ConversationMetrics, Party, PartyMetrics, Utterance } from '../result/call-result.ts';
import { framesByWindow, roundTo, speechMask } from './frames.ts';
import { describeLoudness } from './loudness.ts';
import { measureNonTalk } from './non-talk.ts';
import { describePitch } from './pitch-figures.ts';
import { measureTalkSpeed } from './talk-speed.ts';
import { defaultMetricsThresholds, type MetricsThresholds } from './thresholds.ts';

export { defaultMetricsThresholds, loadMetricsThresholds, type MetricsThresholds } from './thresholds.ts';

export interface ChannelSpeech {
  channel: number;
  party: Party;
  /** The channel's speech segments, sorted and free of overlaps. */
  speech: readonly Interval[];
  /** Its monologues (continuous turns, backchannels allowed); null for mono. */
  monologues: readonly Interval[] | null;
}

export interface MetricsInput {
  durationS: number;
  /** Per-frame tracks of the audio stage, indexed by channel. */
  tracks: { frameS: number; levelDb: readonly Float32Array[]; pitchHz: readonly Float32Array[] };
  channels: readonly ChannelSpeech[];
  utterances: readonly Utterance[];
  events: readonly CallEvent[];
}

function describeMonologues(monologues: readonly Interval[], thresholdS: number, durationS: number): NonNullable<PartyMetrics['monologue']> {
  const over = monologues.filter((monologue) => durationOf(monologue) >= thresholdS);
  const overS = totalDurationS(over);
  return {
    threshold_s: thresholdS,
    longest_s: roundTo(longestS(monologues), 3),
    over_threshold_s: roundTo(overS, 3),
    call_share: durationS > 0 ? roundTo(overS / durationS, 4) : 0,
    over_threshold: over.map(({ startS, endS }) => ({ start: startS, end: endS })),
  };
}

function measureParty(input: MetricsInput, channel: ChannelSpeech, thresholds: MetricsThresholds): PartyMetrics {
  const { frameS } = input.tracks;
  const levelDb = input.tracks.levelDb[channel.channel]!;
  const pitchHz = input.tracks.pitchHz[channel.channel]!;
  const mask = speechMask(channel.speech, frameS, levelDb.length);
  const windows = framesByWindow(mask, frameS, thresholds.windowS, input.durationS);
  const speechFrames = windows.flat();
  const utterances = channel.party === 'unknown' ? input.utterances : input.utterances.filter((utterance) => utterance.party === channel.party);
  const monologueThresholdS = channel.party === 'customer' ? thresholds.monologue.customerS : thresholds.monologue.agentS;
  return {
    party: channel.party,
    channel: channel.channel,
    speech_s: roundTo(totalDurationS(channel.speech), 3),
    talk_speed: measureTalkSpeed({ party: channel.party, speech: channel.speech, utterances, levelDb, frameS }, thresholds.talkSpeed),
    monologue: channel.monologues && describeMonologues(channel.monologues, monologueThresholdS, input.durationS),
    loudness: describeLoudness(levelDb, windows, speechFrames, thresholds.windowS, frameS, thresholds.loudness),
    pitch: describePitch(pitchHz, windows, speechFrames, frameS, thresholds.pitch),
  };
}

export function measureConversation(input: MetricsInput, thresholds: MetricsThresholds = defaultMetricsThresholds): ConversationMetrics {
  return {
    window_s: thresholds.windowS,
    parties: input.channels.map((channel) => measureParty(input, channel, thresholds)),
    non_talk: measureNonTalk(input.channels.flatMap((channel) => channel.speech), input.events, input.durationS, thresholds.nonTalk),
  };
}
