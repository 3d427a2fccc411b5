/**
 * The signal steps of a robustness condition, applied to the two band-limited channels of a
 * clean corpus call (channel 0 agent, channel 1 customer, 8 kHz). Each step returns new
 * channels; nothing moves in time, so the call's truth stays exact.
 */
import { channelOf } from '../../samples/generator/mix.ts';
import type { Prng } from '../../samples/generator/prng.ts';
import { sampleRateHz } from '../../samples/generator/speak.ts';
import type { TruthUtterance } from '../../samples/generator/truth.ts';
import type { SignalStep } from './conditions.ts';

export type StereoChannels = readonly [Float32Array, Float32Array];

const dbToGain = (db: number): number => 10 ** (db / 20);

/** RMS of a channel over its own party's truth utterances: the "speech level" SNR refers to. */
export function speechRms(channel: Float32Array, utterances: readonly TruthUtterance[]): number {
  let sum = 0;
  let count = 0;
  for (const { start, end } of utterances) {
    for (let i = Math.round(start * sampleRateHz); i < Math.min(channel.length, Math.round(end * sampleRateHz)); i++) {
      sum += channel[i]! * channel[i]!;
      count++;
    }
  }
  return count > 0 ? Math.sqrt(sum / count) : 0;
}

/** `other` delayed by `delaySamples`, one-pole low-passed at ~1.5 kHz (a handset speaker and line), times `gain`. */
function echoOf(other: Float32Array, delaySamples: number, gain: number): Float32Array {
  const out = new Float32Array(other.length);
  const smoothing = Math.exp((-2 * Math.PI * 1500) / sampleRateHz);
  let state = 0;
  for (let i = delaySamples; i < other.length; i++) {
    state = (1 - smoothing) * other[i - delaySamples]! + smoothing * state;
    out[i] = gain * state;
  }
  return out;
}

/** Only the samples inside `utterances`: the call's speech without its hold music. */
function speechOnly(channel: Float32Array, utterances: readonly TruthUtterance[]): Float32Array {
  const out = new Float32Array(channel.length);
  for (const { start, end } of utterances) {
    const from = Math.round(start * sampleRateHz);
    out.set(channel.subarray(from, Math.min(channel.length, Math.round(end * sampleRateHz))), from);
  }
  return out;
}

/** Several circularly shifted copies of the call's own speech (both parties), summed: a room of voices. */
function babbleOf(channels: StereoChannels, utterances: readonly TruthUtterance[], seedShiftS: number): Float32Array {
  const length = channels[0].length;
  const out = new Float32Array(length);
  const voices = [channelOf.agent, channelOf.customer].map((index) =>
    speechOnly(channels[index]!, utterances.filter((utterance) => channelOf[utterance.party] === index)));
  [7.3, 13.1, 19.7, 29.3].forEach((shiftS, index) => {
    const source = voices[index % 2]!;
    const shift = Math.round((shiftS + seedShiftS) * sampleRateHz) % length;
    for (let i = 0; i < length; i++) out[i] = out[i]! + source[(i + shift) % length]!;
  });
  return out;
}

function whiteOf(length: number, prng: Prng): Float32Array {
  const out = new Float32Array(length);
  // Sum of three uniforms: near-Gaussian, variance 1/4.
  for (let i = 0; i < length; i++) out[i] = (prng.next() + prng.next() + prng.next() - 1.5) * 2;
  return out;
}

function addScaled(target: Float32Array, source: Float32Array, gain: number): Float32Array {
  return target.map((value, i) => value + gain * source[i]!);
}

function applyStep(step: SignalStep, channels: StereoChannels, utterances: readonly TruthUtterance[], prng: Prng): StereoChannels {
  const [agent, customer] = channels;
  const each = (change: (channel: Float32Array, index: number) => Float32Array): StereoChannels => [change(agent, 0), change(customer, 1)];
  switch (step.kind) {
    case 'bleed': {
      const gain = dbToGain(step.gainDb);
      return [addScaled(agent, customer, gain), addScaled(customer, agent, gain)];
    }
    case 'echo': {
      const delay = Math.round((step.delayMs / 1000) * sampleRateHz);
      const gain = dbToGain(step.gainDb);
      return [addScaled(agent, echoOf(customer, delay, 1), gain), addScaled(customer, echoOf(agent, delay, 1), gain)];
    }
    case 'gain': {
      const gain = dbToGain(step.gainDb);
      const scaled = (index: number) => step.party === 'both' || channelOf[step.party] === index;
      return each((channel, index) => (scaled(index) ? channel.map((value) => value * gain) : channel));
    }
    case 'noise': {
      return each((channel, index) => {
        const party = index === channelOf.agent ? 'agent' : 'customer';
        const level = speechRms(channel, utterances.filter((utterance) => utterance.party === party));
        const noise = step.noise === 'white' ? whiteOf(channel.length, prng) : babbleOf(channels, utterances, index * 3.7);
        const noiseRms = Math.sqrt(noise.reduce((sum, value) => sum + value * value, 0) / Math.max(1, noise.length));
        return addScaled(channel, noise, noiseRms > 0 ? (level * dbToGain(-step.snrDb)) / noiseRms : 0);
      });
    }
    case 'clip':
      return each((channel) => channel.map((value) => Math.max(-step.level, Math.min(step.level, value))));
    case 'dc':
      return each((channel) => channel.map((value) => value + step.offset));
    case 'agc': {
      // Each channel's gain swings on its own phase, as two legs' gain controls do.
      return each((channel, index) =>
        channel.map((value, i) => value * dbToGain(step.depthDb * Math.sin((2 * Math.PI * i) / (step.periodS * sampleRateHz) + 2 * index))));
    }
  }
}

/** Applies `steps` in order; `utterances` (the call's truth) sets the speech level noise is scaled to. */
export function degradeChannels(steps: readonly SignalStep[], channels: StereoChannels, utterances: readonly TruthUtterance[], prng: Prng): StereoChannels {
  return steps.reduce((current, step) => applyStep(step, current, utterances, prng), channels);
}
