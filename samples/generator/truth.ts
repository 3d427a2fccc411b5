/**
 * Ground truth (`callqa.truth/1`) and the matching transcript for one generated call. All
 * times are seconds from the start of the recording with three decimals, taken from the
 * laid-out clips, so they describe the audio as generated.
 */
import type { CallAssessment, Quality, RuleId, RuleOutcome } from './rules.ts';
import type { CallScript, Language, Party } from './script-types.ts';
import { sampleRateHz } from './speak.ts';
import type { PlacedEvent, Timeline } from './timeline.ts';

export interface TruthUtterance {
  party: Party;
  start: number;
  end: number;
  text: string;
}

export type TruthEvent =
  | { type: 'interruption'; by: Party; start: number; end: number; overlap_s: number; cut_off: boolean }
  | { type: 'backchannel'; by: Party; start: number; end: number }
  | {
    type: 'hold'; start: number; end: number; kind: 'music' | 'silence'; channel?: Party;
    consented: boolean; duration_stated: boolean; thanked_after: boolean;
  }
  | { type: 'dead_air'; start: number; end: number }
  | { type: 'transfer'; start: number; end: number; target_named: boolean; reason_given: boolean; callback_number_given: boolean };

export interface CallTruth {
  schema: 'callqa.truth/1';
  name: string;
  language: Language;
  agent_id: string;
  quality: Quality;
  duration_s: number;
  sample_rate_hz: number;
  channels: 1 | 2;
  utterances: TruthUtterance[];
  events: TruthEvent[];
  rules: Record<RuleId, RuleOutcome>;
  statements: { agent: { i: number; you: number } };
}

/** Samples to seconds, rounded to milliseconds. */
const seconds = (samples: number): number => Math.round((samples / sampleRateHz) * 1000) / 1000;

function toTruthEvent(event: PlacedEvent): TruthEvent {
  const span = { start: seconds(event.start), end: seconds(event.end) };
  switch (event.type) {
    case 'interruption':
      return { type: event.type, by: event.by, ...span, overlap_s: seconds(event.end - event.start), cut_off: event.cutOff };
    case 'backchannel':
      return { type: event.type, by: event.by, ...span };
    case 'hold': {
      const { sound, channel, consented, durationStated, thankedAfter } = event.hold;
      return {
        type: event.type, ...span, kind: sound, ...(sound === 'music' ? { channel } : {}),
        consented, duration_stated: durationStated, thanked_after: thankedAfter,
      };
    }
    case 'dead_air':
      return { type: event.type, ...span };
    case 'transfer': {
      const { targetNamed, reasonGiven, callbackNumberGiven } = event.transfer;
      return { type: event.type, ...span, target_named: targetNamed, reason_given: reasonGiven, callback_number_given: callbackNumberGiven };
    }
  }
}

/** The truth for the stereo recording; variants copy it with their own channel count. */
export function buildTruth(script: CallScript, timeline: Timeline, assessment: CallAssessment): CallTruth {
  const utterances = timeline.lines
    .map((placed) => ({
      party: placed.line.party,
      start: seconds(placed.start),
      end: seconds(placed.start + placed.samples.length),
      text: placed.text,
    }))
    .sort((a, b) => a.start - b.start);
  return {
    schema: 'callqa.truth/1',
    name: script.name,
    language: script.language,
    agent_id: script.agent.id,
    quality: assessment.quality,
    duration_s: seconds(timeline.lengthSamples),
    sample_rate_hz: sampleRateHz,
    channels: 2,
    utterances,
    events: [...timeline.events].sort((a, b) => a.start - b.start).map(toTruthEvent),
    rules: assessment.rules,
    statements: { agent: assessment.statements },
  };
}

/** The transcript import format: the truth's utterances and nothing else. */
export function buildTranscript(truth: CallTruth): { utterances: TruthUtterance[] } {
  return { utterances: truth.utterances };
}
