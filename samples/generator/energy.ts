/** Signal energy measures shared by clip trimming and by the tests that check truth against audio. */

/** Root mean square of `samples`; 0 for an empty span. */
export function rms(samples: Float32Array): number {
  let sum = 0;
  for (const value of samples) sum += value * value;
  return samples.length > 0 ? Math.sqrt(sum / samples.length) : 0;
}

/** RMS of each whole frame of `frameSamples` samples; a trailing partial frame is left out. */
export function frameRms(samples: Float32Array, frameSamples: number): number[] {
  const frameCount = Math.floor(samples.length / frameSamples);
  return Array.from({ length: frameCount }, (_, frame) => rms(samples.subarray(frame * frameSamples, (frame + 1) * frameSamples)));
}

/** One channel of interleaved audio. */
export function deinterleave(interleaved: Float32Array, channels: number, channel: number): Float32Array {
  const out = new Float32Array(Math.floor(interleaved.length / channels));
  for (let i = 0; i < out.length; i++) out[i] = interleaved[i * channels + channel] ?? 0;
  return out;
}
