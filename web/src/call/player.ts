/**
 * The recording as a two-lane waveform (agent above, customer below) with holds, dead air,
 * interruptions and transfers as coloured regions; a mono call has one waveform and, under it,
 * its diarization's two lanes of turns. The audio is fetched with the token and
 * played from a blob: URL, because an <audio src> cannot carry an Authorization header.
 */
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import { getBlob } from '../api-client.ts';
import type { CallDetail } from '../api-types.ts';
import { errorState, fill, h, loadingState } from '../dom.ts';
import { diarizationLanes } from './diarization-lanes.ts';
import { eventColours, eventLabels, waveformEventTypes } from './event-colours.ts';
import { playerControls } from './player-controls.ts';

export interface Player {
  element: HTMLElement;
  /** Moves playback to `seconds` (applied once the audio is ready when it is not yet). */
  seek(seconds: number): void;
  onTimeUpdate(listener: (seconds: number) => void): void;
}

const partyColours = { agent: ['#3867d6', '#1e3f95'], customer: ['#20a39e', '#11615e'] } as const;

export function createPlayer(detail: CallDetail, signal: AbortSignal): Player {
  const { call_id: callId, parties, events } = detail.result;
  const audio = h('audio', { preload: 'auto', 'data-testid': 'call-audio' });
  const waveform = h('div', { class: 'waveform', 'aria-hidden': 'true' }, [loadingState('recording')]);
  const controls = playerControls(audio, signal);
  const legend = h('ul', { class: 'legend', 'aria-label': 'Waveform legend' }, [
    h('li', {}, [h('span', { class: 'swatch', style: `background:${partyColours.agent[0]}` }), 'Agent (upper lane)']),
    h('li', {}, [h('span', { class: 'swatch', style: `background:${partyColours.customer[0]}` }), 'Customer (lower lane)']),
    ...waveformEventTypes.map((type) => h('li', {}, [h('span', { class: 'swatch', style: `background:${eventColours[type]}` }), eventLabels[type]])),
  ]);
  const seekLater = (seconds: number) => seek(seconds);
  const lanesOfMono = detail.result.diarization && diarizationLanes(detail.result.diarization, detail.result.duration_s ?? 0, seekLater);
  const element = h('section', { class: 'card player', 'aria-label': 'Recording' }, [waveform, lanesOfMono ?? null, controls, legend, audio]);

  // Lanes in channel order, so each party's lane shows its own channel.
  const agentChannel = parties?.agent.channel ?? 0;
  const lanes = agentChannel === 0 ? [partyColours.agent, partyColours.customer] : [partyColours.customer, partyColours.agent];
  const regions = RegionsPlugin.create();
  let pendingSeek: number | undefined;
  const seek = (seconds: number) => {
    if (audio.readyState >= HTMLMediaElement.HAVE_METADATA) audio.currentTime = seconds;
    else pendingSeek = seconds;
  };
  audio.addEventListener('loadedmetadata', () => {
    if (pendingSeek !== undefined) audio.currentTime = pendingSeek;
    pendingSeek = undefined;
  });

  getBlob(`/calls/${callId}/audio`, signal).then(async (recording) => {
    fill(waveform);
    const surfer = WaveSurfer.create({
      container: waveform, media: audio, height: 56, normalize: true, cursorColor: '#222', dragToSeek: true,
      splitChannels: lanes.map(([waveColor, progressColor]) => ({ waveColor, progressColor })),
      plugins: [regions],
    });
    signal.addEventListener('abort', () => surfer.destroy());
    surfer.on('ready', () => {
      for (const event of events.filter((candidate) => waveformEventTypes.includes(candidate.type))) {
        regions.addRegion({ start: event.start, end: event.end, color: eventColours[event.type], drag: false, resize: false });
      }
    });
    regions.on('region-clicked', (region, click) => {
      click.stopPropagation();
      seek(region.start);
    });
    await surfer.loadBlob(recording);
  }).catch((error: unknown) => {
    if (!signal.aborted) fill(waveform, errorState(new Error(`The recording could not be loaded: ${String(error)}`)));
  });

  return {
    element,
    seek,
    onTimeUpdate: (listener) => audio.addEventListener('timeupdate', () => listener(audio.currentTime)),
  };
}
