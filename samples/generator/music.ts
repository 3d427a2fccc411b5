/**
 * Hold music, synthesized from the call's seed: a four-chord loop of soft harmonic tones
 * under a pentatonic melody. Real hold music is tonal and steady, unlike speech, which is
 * what a hold detector has to tell apart; synthesizing it keeps the repository free of
 * third-party recordings.
 */
import type { Prng } from './prng.ts';
import { sampleRateHz } from './speak.ts';

const progressions = [
  [0, 7, 9, 5],
  [0, 9, 5, 7],
  [9, 5, 0, 7],
] as const;
const pentatonic = [0, 2, 4, 7, 9] as const;
const nyquistMarginHz = 3800;

const midiToHz = (note: number): number => 440 * 2 ** ((note - 69) / 12);

/** Adds a note whose harmonic k has amplitude `amplitude / k^rolloff`, shaped by `envelope(t)`. */
function addNote(
  out: Float32Array, start: number, length: number, hz: number, amplitude: number, rolloff: number,
  envelope: (seconds: number, lengthS: number) => number,
): void {
  const end = Math.min(out.length, start + length);
  const lengthS = length / sampleRateHz;
  for (let i = Math.max(0, start); i < end; i++) {
    const t = (i - start) / sampleRateHz;
    let value = 0;
    for (let k = 1; k <= 4 && k * hz < nyquistMarginHz; k++) value += Math.sin(2 * Math.PI * k * hz * t) / k ** rolloff;
    out[i] = (out[i] ?? 0) + amplitude * envelope(t, lengthS) * value;
  }
}

/** Slow attack and release: a sustained pad. */
const padEnvelope = (t: number, lengthS: number): number => Math.min(1, t / 0.08, Math.max(0, (lengthS - t) / 0.1));
/** Quick attack, exponential decay: a plucked or piano-like melody note. */
const pluckEnvelope = (t: number, lengthS: number): number => Math.min(1, t / 0.01, Math.max(0, (lengthS - t) / 0.02)) * Math.exp(-t / 0.35);

/** `lengthSamples` of hold music at 8 kHz, peak well below full scale, faded in and out. */
export function createHoldMusic(lengthSamples: number, prng: Prng): Float32Array {
  const out = new Float32Array(lengthSamples);
  const beat = Math.round((60 / prng.between(80, 100)) * sampleRateHz);
  const root = Math.floor(prng.between(57, 64));
  const progression = prng.pick(progressions);
  let step = Math.floor(prng.next() * pentatonic.length);
  for (let bar = 0; bar * 4 * beat < lengthSamples; bar++) {
    const chordRoot = root + (progression[bar % progression.length] ?? 0);
    const third = chordRoot % 12 === (root + 9) % 12 ? 3 : 4; // the vi chord is minor
    for (const interval of [-12, 0, third, 7]) addNote(out, bar * 4 * beat, 4 * beat, midiToHz(chordRoot + interval), 0.035, 1, padEnvelope);
    for (let b = 0; b < 4; b++) {
      const halves = prng.next() < 0.3 ? 2 : 1;
      for (let h = 0; h < halves; h++) {
        step = Math.max(0, Math.min(2 * pentatonic.length - 1, step + Math.round(prng.between(-2, 2))));
        const note = root + 12 + 12 * Math.floor(step / pentatonic.length) + (pentatonic[step % pentatonic.length] ?? 0);
        const start = (bar * 4 + b) * beat + (h * beat) / halves;
        addNote(out, Math.round(start), Math.round(beat / halves), midiToHz(note), 0.12, 2, pluckEnvelope);
      }
    }
  }
  const fade = Math.round(0.3 * sampleRateHz);
  for (let i = 0; i < Math.min(fade, lengthSamples); i++) {
    const gain = i / fade;
    out[i] = (out[i] ?? 0) * gain;
    out[lengthSamples - 1 - i] = (out[lengthSamples - 1 - i] ?? 0) * gain;
  }
  return out;
}
