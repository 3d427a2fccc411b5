/**
 * Short-window spectral features of the speech in a call, streamed: mel-frequency cepstra
 * (c1 upwards, c0 dropped: loudness follows the line and the distance to the microphone, not
 * the voice) and the log pitch every `features.hopS`, kept only for frames whose centre lies in
 * speech. Voices differ in their vocal tract, which the cepstrum's shape describes, and in pitch.
 */
import { createColumn, createPowerSpectrum, type Interval } from '../audio/index.ts';
import type { PcmBlock } from '../ingest/index.ts';
import type { DiarizeThresholds } from './thresholds.ts';

/**
 * Log fundamental frequency of a frame from its normalised autocorrelation over the lags of
 * 70–400 Hz voices, or NaN when no lag reaches `minPeak` (unvoiced, silence). The telephone
 * band removes a low voice's fundamental, but its harmonics keep the period.
 */
function logPitchOf(frame: Float32Array, sampleRateHz: number, minPeak: number): number {
  const shortest = Math.floor(sampleRateHz / 400);
  const longest = Math.min(frame.length >> 1, Math.ceil(sampleRateHz / 70));
  // Every other sample and every other lag first, then the lags beside the best: a quarter of the work, the same peak.
  const correlation = (lag: number): number => {
    let product = 0;
    let head = 0;
    let tail = 0;
    for (let index = 0; index + lag < frame.length; index += 2) {
      const a = frame[index]!;
      const b = frame[index + lag]!;
      product += a * b;
      head += a * a;
      tail += b * b;
    }
    return product / Math.sqrt(head * tail + 1e-12);
  };
  let bestLag = shortest;
  let bestPeak = Number.NEGATIVE_INFINITY;
  for (let lag = shortest; lag <= longest; lag += 2) {
    const peak = correlation(lag);
    if (peak > bestPeak) [bestLag, bestPeak] = [lag, peak];
  }
  for (const lag of [bestLag - 1, bestLag + 1]) {
    if (lag < shortest || lag > longest) continue;
    const peak = correlation(lag);
    if (peak > bestPeak) [bestLag, bestPeak] = [lag, peak];
  }
  return bestPeak < minPeak ? Number.NaN : Math.log(sampleRateHz / bestLag);
}

/** Cepstra of the speech frames: row `row` is frame `frameIndex[row]`, centred at `frameIndex · hopS + centreS` seconds. */
export interface SpeechFeatures {
  hopS: number;
  centreS: number;
  /** Cepstra, then the log pitch (NaN where unvoiced). */
  dimensions: number;
  frameIndex: Int32Array;
  values: Float32Array;
  /** Per row, the frame's energy within the filters' band, in dB. */
  levelsDb: Float32Array;
}

const melOf = (hz: number) => 2595 * Math.log10(1 + hz / 700);
const hzOfMel = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

/** Triangular mel filters as (first bin, weights) over the power spectrum's bins. */
function createMelFilters(fftSize: number, sampleRateHz: number, settings: DiarizeThresholds['features']) {
  const highHz = Math.min(settings.highHz, sampleRateHz / 2);
  const edgesMel = Array.from({ length: settings.melBands + 2 }, (_, index) => melOf(settings.lowHz) + ((melOf(highHz) - melOf(settings.lowHz)) * index) / (settings.melBands + 1));
  const binOf = (hz: number) => (hz * fftSize) / sampleRateHz;
  return Array.from({ length: settings.melBands }, (_, band) => {
    const [left, centre, right] = [edgesMel[band]!, edgesMel[band + 1]!, edgesMel[band + 2]!].map((mel) => binOf(hzOfMel(mel))) as [number, number, number];
    const first = Math.ceil(left);
    const weights = Float64Array.from({ length: Math.max(0, Math.floor(right) - first + 1) }, (_, offset) => {
      const bin = first + offset;
      return bin <= centre ? (bin - left) / (centre - left) : (right - bin) / (right - centre);
    });
    return { first, weights };
  });
}

/** DCT-II rows 1…cepstra over the log mel energies. */
function createDct(bands: number, cepstra: number): Float64Array[] {
  return Array.from({ length: cepstra }, (_, index) =>
    Float64Array.from({ length: bands }, (_, band) => Math.cos((Math.PI * (index + 1) * (band + 0.5)) / bands)));
}

export interface FeatureExtractor {
  add(block: PcmBlock): void;
  finish(): SpeechFeatures;
}

/** Streams one channel of PCM into cepstra of the frames that fall in `speech` (sorted intervals). */
export function createFeatureExtractor(channel: number, sampleRateHz: number, speech: readonly Interval[], settings: DiarizeThresholds['features']): FeatureExtractor {
  const hop = Math.round(settings.hopS * sampleRateHz);
  const fftSize = 2 ** Math.ceil(Math.log2(settings.windowS * sampleRateHz));
  const power = createPowerSpectrum(fftSize);
  const filters = createMelFilters(fftSize, sampleRateHz, settings);
  const dct = createDct(settings.melBands, settings.cepstra);
  const logMel = new Float64Array(settings.melBands);
  const window = new Float32Array(fftSize);
  let buffer = new Float32Array(0);
  let bufferStart = 0;
  let nextFrame = 0;
  let speechIndex = 0;
  // Typed columns: a 2-hour call has ~10 million feature values, twice that as plain number arrays.
  const rows = createColumn((length) => new Float32Array(length));
  const values = createColumn((length) => new Float32Array(length));
  const levels = createColumn((length) => new Float32Array(length));

  const isSpeech = (centreS: number): boolean => {
    while (speechIndex < speech.length && speech[speechIndex]!.endS <= centreS) speechIndex++;
    const current = speech[speechIndex];
    return current !== undefined && current.startS <= centreS;
  };

  const analyse = (frame: number) => {
    window.set(buffer.subarray(frame * hop - bufferStart, frame * hop - bufferStart + fftSize));
    const spectrum = power(window);
    let total = 1e-10;
    filters.forEach(({ first, weights }, band) => {
      let energy = 1e-10;
      for (let offset = 0; offset < weights.length; offset++) energy += weights[offset]! * (spectrum[first + offset] ?? 0);
      logMel[band] = Math.log(energy);
      total += energy;
    });
    rows.push(frame);
    levels.push(10 * Math.log10(total));
    for (const row of dct) {
      let sum = 0;
      for (let band = 0; band < row.length; band++) sum += row[band]! * logMel[band]!;
      values.push(sum);
    }
    values.push(logPitchOf(window, sampleRateHz, settings.minVoicingPeak));
  };

  return {
    add(block) {
      const samples = block.channels[channel]!;
      const joined = new Float32Array(buffer.length + samples.length);
      joined.set(buffer);
      joined.set(samples, buffer.length);
      buffer = joined;
      while (nextFrame * hop + fftSize <= bufferStart + buffer.length) {
        if (isSpeech((nextFrame * hop + fftSize / 2) / sampleRateHz)) analyse(nextFrame);
        nextFrame++;
      }
      const keepFrom = nextFrame * hop - bufferStart;
      buffer = buffer.slice(keepFrom);
      bufferStart += keepFrom;
    },
    finish() {
      return { hopS: hop / sampleRateHz, centreS: fftSize / 2 / sampleRateHz, dimensions: dct.length + 1, frameIndex: Int32Array.from(rows.values()), values: values.values(), levelsDb: levels.values() };
    },
  };
}
