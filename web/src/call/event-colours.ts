/** One colour per event type, shared by the waveform regions, the legend and the event list. */
import type { EventType } from '../api-types.ts';

export const eventColours: Readonly<Record<EventType, string>> = {
  hold: 'rgba(230, 159, 0, 0.28)',
  dead_air: 'rgba(110, 110, 110, 0.28)',
  interruption: 'rgba(213, 55, 55, 0.35)',
  backchannel: 'rgba(0, 158, 115, 0.22)',
  transfer: 'rgba(0, 114, 178, 0.28)',
};

export const eventLabels: Readonly<Record<EventType, string>> = {
  hold: 'Hold', dead_air: 'Dead air', interruption: 'Interruption', backchannel: 'Backchannel', transfer: 'Transfer',
};

/** The types the waveform colours; backchannels ("mm-hm") are too short and frequent to be useful there. */
export const waveformEventTypes: readonly EventType[] = ['hold', 'dead_air', 'interruption', 'transfer'];
