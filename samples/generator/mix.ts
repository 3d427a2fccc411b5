/**
 * Mixes a laid-out call into interleaved stereo at 8 kHz — channel 0 the agent, channel 1 the
 * customer, as contact-centre recorders store the two legs — with hold music and a little
 * seeded line noise on both channels. Band-limiting to the telephone band happens at encoding.
 */
import { createHoldMusic } from './music.ts';
import type { Prng } from './prng.ts';
import type { Party } from './script-types.ts';
import { sampleRateHz } from './speak.ts';
import type { Timeline } from './timeline.ts';

export const channelOf: Record<Party, number> = { agent: 0, customer: 1 };

/** Line noise RMS ≈ 0.003 (about −50 dBFS): audible in pauses, far below speech. */
const noiseRms = 0.003;
/** Hold music starts and stops this far inside the hold gap, as a hold button does. */
const musicMarginS = 0.4;

function addAt(channel: Float32Array, start: number, clip: Float32Array): void {
  for (let i = 0; i < clip.length && start + i < channel.length; i++) {
    channel[start + i] = (channel[start + i] ?? 0) + (clip[i] ?? 0);
  }
}

/** Interleaved stereo samples of the whole call, clamped to [-1, 1]. */
export function mixCall(timeline: Timeline, prng: Prng): Float32Array {
  const channels = [new Float32Array(timeline.lengthSamples), new Float32Array(timeline.lengthSamples)];
  for (const placed of timeline.lines) {
    const channel = channels[channelOf[placed.line.party]];
    if (channel) addAt(channel, placed.start, placed.samples);
  }
  const margin = Math.round(musicMarginS * sampleRateHz);
  for (const event of timeline.events) {
    if (event.type !== 'hold' || event.hold.sound !== 'music') continue;
    const channel = channels[channelOf[event.hold.channel]];
    if (channel) addAt(channel, event.start + margin, createHoldMusic(event.end - event.start - 2 * margin, prng));
  }
  const stereo = new Float32Array(timeline.lengthSamples * 2);
  // Sum of three uniforms: near-Gaussian noise, variance 3/12 before scaling.
  const noiseScale = noiseRms / Math.sqrt(0.25);
  for (let i = 0; i < timeline.lengthSamples; i++) {
    for (let c = 0; c < 2; c++) {
      const noise = (prng.next() + prng.next() + prng.next() - 1.5) * noiseScale;
      stereo[2 * i + c] = Math.max(-1, Math.min(1, (channels[c]?.[i] ?? 0) + noise));
    }
  }
  return stereo;
}
