/**
 * A small FFT for the music detector: one Hann-windowed power spectrum per 32 ms frame. A real
 * frame of N samples is packed into N/2 complex values (even samples real, odd imaginary),
 * transformed by an iterative radix-2 FFT and unpacked, half the work of a complex FFT of N.
 * Tables are built once per size, so a frame costs a few microseconds.
 */

export type PowerSpectrum = (frame: Float32Array) => Float64Array;

function bitReversalTable(size: number): Uint32Array {
  const table = new Uint32Array(size);
  for (let index = 0, reversed = 0; index < size; index++) {
    table[index] = reversed;
    let bit = size >> 1;
    while (reversed & bit) {
      reversed ^= bit;
      bit >>= 1;
    }
    reversed |= bit;
  }
  return table;
}

/** In-place radix-2 decimation-in-time FFT of (real, imaginary), already in bit-reversed order. */
function transform(real: Float64Array, imaginary: Float64Array, cosines: Float64Array, sines: Float64Array): void {
  const size = real.length;
  for (let span = 2; span <= size; span <<= 1) {
    const half = span >> 1;
    const twiddleStep = size / span;
    for (let start = 0; start < size; start += span) {
      for (let offset = 0; offset < half; offset++) {
        const even = start + offset;
        const odd = even + half;
        const cos = cosines[offset * twiddleStep]!;
        const sin = sines[offset * twiddleStep]!;
        const oddReal = real[odd]! * cos + imaginary[odd]! * sin;
        const oddImaginary = imaginary[odd]! * cos - real[odd]! * sin;
        real[odd] = real[even]! - oddReal;
        imaginary[odd] = imaginary[even]! - oddImaginary;
        real[even] = real[even]! + oddReal;
        imaginary[even] = imaginary[even]! + oddImaginary;
      }
    }
  }
}

/**
 * Returns a function giving the power |X[k]|² of bins 0..size/2 of a Hann-windowed frame of
 * `size` samples (a power of two, at least 4). The returned array is reused by the next call.
 */
export function createPowerSpectrum(size: number): PowerSpectrum {
  if (size < 4 || (size & (size - 1)) !== 0) throw new RangeError(`FFT size must be a power of two of at least 4, got ${size}`);
  const half = size / 2;
  const hann = Float64Array.from({ length: size }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / size));
  const reversed = bitReversalTable(half);
  // cos and sin of 2πk/size: every (2k)-th serves the half-size FFT, all of them the unpacking.
  const cosines = Float64Array.from({ length: half }, (_, k) => Math.cos((2 * Math.PI * k) / size));
  const sines = Float64Array.from({ length: half }, (_, k) => Math.sin((2 * Math.PI * k) / size));
  const halfCosines = cosines.filter((_, k) => k % 2 === 0);
  const halfSines = sines.filter((_, k) => k % 2 === 0);
  const real = new Float64Array(half);
  const imaginary = new Float64Array(half);
  const power = new Float64Array(half + 1);

  return (frame) => {
    for (let index = 0; index < half; index++) {
      const source = reversed[index]!;
      real[index] = (frame[2 * source] ?? 0) * hann[2 * source]!;
      imaginary[index] = (frame[2 * source + 1] ?? 0) * hann[2 * source + 1]!;
    }
    transform(real, imaginary, halfCosines, halfSines);
    for (let bin = 0; bin <= half; bin++) {
      const a = bin % half;
      const b = (half - bin) % half;
      // Spectra of the even and the odd samples, then X[k] = E[k] + e^(-2πik/size)·O[k].
      const evenReal = (real[a]! + real[b]!) / 2;
      const evenImaginary = (imaginary[a]! - imaginary[b]!) / 2;
      const oddReal = (imaginary[a]! + imaginary[b]!) / 2;
      const oddImaginary = (real[b]! - real[a]!) / 2;
      const cos = bin < half ? cosines[bin]! : -1;
      const sin = bin < half ? sines[bin]! : 0;
      const binReal = evenReal + cos * oddReal + sin * oddImaginary;
      const binImaginary = evenImaginary + cos * oddImaginary - sin * oddReal;
      power[bin] = binReal * binReal + binImaginary * binImaginary;
    }
    return power;
  };
}
