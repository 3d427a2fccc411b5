import { describe, expect, it } from 'vitest';
import { describeDiarizedSpeech, type SpeechActivity } from './speech-activity.ts';
import { defaultAudioThresholds } from './thresholds.ts';

/** A mono call's activity before diarization: one channel of "unknown" speech and a dead-air gap. */
const monoActivity: SpeechActivity = {
  segments: [{ channel: 0, party: 'unknown', startS: 0, endS: 6 }, { channel: 0, party: 'unknown', startS: 12, endS: 15 }],
  parties: null,
  silenceS: 6,
  overlapS: null,
  events: [{ type: 'dead_air', start: 6, end: 12 }],
  eventTypesChecked: ['hold', 'dead_air'],
};
// The customer cuts in at 3 s and talks over the agent for 1.5 s.
const speechOf = { agent: [{ startS: 0, endS: 4.5 }, { startS: 12, endS: 15 }], customer: [{ startS: 3, endS: 6 }] };

describe('describeDiarizedSpeech', () => {
  it('gives the channel\'s speech to the parties, with their talk figures, keeping the gaps\' events', () => {
    const described = describeDiarizedSpeech(monoActivity, { channel: 0, speechOf, overlapsVisible: false }, defaultAudioThresholds);
    expect(described.segments.map(({ party, startS }) => [party, startS])).toEqual([['agent', 0], ['customer', 3], ['agent', 12]]);
    expect(described.parties).toMatchObject({ agent: { channel: 0, talkS: 7.5 }, customer: { channel: 0, talkS: 3 } });
    expect(described.events).toEqual([{ type: 'dead_air', start: 6, end: 12 }]);
  });

  it('looks for interruptions and backchannels only when the method sees overlaps', () => {
    const blind = describeDiarizedSpeech(monoActivity, { channel: 0, speechOf, overlapsVisible: false }, defaultAudioThresholds);
    expect(blind.eventTypesChecked).toEqual(['hold', 'dead_air']);
    expect(blind.overlapS).toBeNull();
    const seeing = describeDiarizedSpeech(monoActivity, { channel: 0, speechOf, overlapsVisible: true }, defaultAudioThresholds);
    expect(seeing.eventTypesChecked).toEqual(['interruption', 'backchannel', 'hold', 'dead_air']);
    expect(seeing.overlapS).toBe(1.5);
    expect(seeing.events.map((event) => event.type)).toEqual(['interruption', 'dead_air']);
  });
});
