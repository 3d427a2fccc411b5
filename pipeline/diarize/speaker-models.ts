/**
 * Two-speaker models over cepstral frames: features normalised per call (mean and variance over
 * its speech, which removes the line's colouring), a first two-way split of ~1 s windows by
 * k-means on their mean cepstra, and diagonal Gaussian mixtures per speaker fitted by EM.
 * Everything is deterministic: no random starts, so the same call gives the same turns.
 */
import type { SpeechFeatures } from './features.ts';

/** Frames as rows of `dimensions` values, normalised to zero mean and unit variance per dimension. */
export interface FrameMatrix {
  rows: number;
  dimensions: number;
  /** Single precision: a 2-hour call's frames are ~10 million values. */
  values: Float32Array;
}

/**
 * A missing value (the pitch of an unvoiced frame) becomes the mean, 0, so it favours neither
 * speaker; the last dimension, the pitch, is then scaled by `pitchWeight`.
 */
export function normaliseFeatures(features: SpeechFeatures, pitchWeight: number): FrameMatrix {
  const { dimensions } = features;
  const rows = features.frameIndex.length;
  const values = Float32Array.from(features.values);
  for (let dimension = 0; dimension < dimensions; dimension++) {
    let sum = 0;
    let squares = 0;
    let present = 0;
    for (let row = 0; row < rows; row++) {
      const value = values[row * dimensions + dimension]!;
      if (Number.isNaN(value)) continue;
      sum += value;
      squares += value * value;
      present++;
    }
    const mean = sum / Math.max(1, present);
    const deviation = Math.sqrt(Math.max(0, squares / Math.max(1, present) - mean * mean)) || 1;
    const scale = (dimension === dimensions - 1 ? pitchWeight : 1) / deviation;
    for (let row = 0; row < rows; row++) {
      const value = values[row * dimensions + dimension]!;
      values[row * dimensions + dimension] = Number.isNaN(value) ? 0 : (value - mean) * scale;
    }
  }
  return { rows, dimensions, values };
}

/** Mean of the rows `from…to−1`. */
export function meanOfRows(matrix: FrameMatrix, from: number, to: number): Float64Array {
  const mean = new Float64Array(matrix.dimensions);
  for (let row = from; row < to; row++) for (let dimension = 0; dimension < matrix.dimensions; dimension++) mean[dimension]! += matrix.values[row * matrix.dimensions + dimension]!;
  return mean.map((value) => value / Math.max(1, to - from));
}

const squaredDistance = (a: Float64Array, b: Float64Array) => a.reduce((sum, value, index) => sum + (value - b[index]!) ** 2, 0);

const centroidOf = (points: readonly Float64Array[]) => points[0]!.map((_, dimension) => points.reduce((sum, point) => sum + point[dimension]!, 0) / points.length);

/**
 * Starting centre pairs for the two-way split, each a different guess at what tells the voices
 * apart: the widest difference between windows (the window farthest from the centroid and the
 * one farthest from that), the pitch alone (the lowest and highest window), and the spread of
 * the cepstra (the windows at both ends of the leading principal direction, by power iteration).
 */
export function startingCentres(points: readonly Float64Array[]): Array<[Float64Array, Float64Array]> {
  const centroid = centroidOf(points);
  const farthestFrom = (anchor: Float64Array) => points.reduce((best, point) => (squaredDistance(point, anchor) > squaredDistance(best, anchor) ? point : best));
  const extremesAlong = (project: (point: Float64Array) => number): [Float64Array, Float64Array] => [
    points.reduce((best, point) => (project(point) < project(best) ? point : best)),
    points.reduce((best, point) => (project(point) > project(best) ? point : best)),
  ];
  const pitch = centroid.length - 1;
  let direction = centroid.map((_, dimension) => (dimension === 0 ? 1 : 0));
  for (let iteration = 0; iteration < 20; iteration++) {
    const next = new Float64Array(centroid.length);
    for (const point of points) {
      const along = point.reduce((sum, value, dimension) => sum + (value - centroid[dimension]!) * direction[dimension]!, 0);
      point.forEach((value, dimension) => (next[dimension]! += along * (value - centroid[dimension]!)));
    }
    const norm = Math.hypot(...next) || 1;
    direction = next.map((value) => value / norm);
  }
  const first = farthestFrom(centroid);
  return [
    [first, farthestFrom(first)],
    extremesAlong((point) => point[pitch]!),
    extremesAlong((point) => point.reduce((sum, value, dimension) => sum + value * direction[dimension]!, 0)),
  ];
}

/** Two-way k-means of `points` from the given centres; returns 0 or 1 per point. */
export function splitInTwo(points: readonly Float64Array[], start: [Float64Array, Float64Array], iterations: number): Uint8Array {
  const labels = new Uint8Array(points.length);
  if (points.length < 2) return labels;
  let centres = start;
  for (let iteration = 0; iteration < iterations; iteration++) {
    points.forEach((point, index) => (labels[index] = squaredDistance(point, centres[0]) <= squaredDistance(point, centres[1]) ? 0 : 1));
    const next = [0, 1].map((label) => {
      const members = points.filter((_, index) => labels[index] === label);
      return members.length === 0 ? centres[label]! : members[0]!.map((_, dimension) => members.reduce((sum, point) => sum + point[dimension]!, 0) / members.length);
    }) as [Float64Array, Float64Array];
    centres = next;
  }
  return labels;
}

/** A diagonal Gaussian mixture: per component a log weight, means and inverse variances. */
export interface SpeakerModel {
  logWeights: Float64Array;
  means: Float64Array[];
  inverseVariances: Float64Array[];
  logNormalisers: Float64Array;
}

const varianceFloor = 0.01;

function logSumExp(values: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) if (value > max) max = value;
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (const value of values) sum += Math.exp(value - max);
  return max + Math.log(sum);
}

function componentLogDensities(model: SpeakerModel, matrix: FrameMatrix, row: number, into: Float64Array): void {
  const offset = row * matrix.dimensions;
  for (let component = 0; component < into.length; component++) {
    const mean = model.means[component]!;
    const inverse = model.inverseVariances[component]!;
    let exponent = 0;
    for (let dimension = 0; dimension < matrix.dimensions; dimension++) exponent += (matrix.values[offset + dimension]! - mean[dimension]!) ** 2 * inverse[dimension]!;
    into[component] = model.logWeights[component]! + model.logNormalisers[component]! - exponent / 2;
  }
}

/** Log-likelihood of each row under the model. */
export function scoreFrames(model: SpeakerModel, matrix: FrameMatrix): Float64Array {
  const densities = new Float64Array(model.means.length);
  return Float64Array.from({ length: matrix.rows }, (_, row) => {
    componentLogDensities(model, matrix, row, densities);
    return logSumExp(densities);
  });
}

function buildModel(weights: Float64Array, means: Float64Array[], variances: Float64Array[]): SpeakerModel {
  return {
    logWeights: weights.map((weight) => Math.log(Math.max(weight, 1e-6))),
    means,
    inverseVariances: variances.map((variance) => variance.map((value) => 1 / Math.max(value, varianceFloor))),
    logNormalisers: Float64Array.from(variances, (variance) => -0.5 * variance.reduce((sum, value) => sum + Math.log(2 * Math.PI * Math.max(value, varianceFloor)), 0)),
  };
}

/**
 * Fits a mixture of `components` diagonal Gaussians to the chosen rows by EM, started from
 * rows spread evenly through them (time order: a speaker's sounds vary over the call).
 */
export function fitSpeakerModel(matrix: FrameMatrix, rows: readonly number[], components: number, iterations: number): SpeakerModel {
  const { dimensions } = matrix;
  const count = Math.max(1, Math.min(components, Math.floor(rows.length / (4 * dimensions)) || 1));
  const rowVector = (row: number) => Float64Array.from(matrix.values.subarray(row * dimensions, (row + 1) * dimensions));
  let model = buildModel(
    new Float64Array(count).fill(1 / count),
    Array.from({ length: count }, (_, component) => rowVector(rows[Math.floor(((component + 0.5) * rows.length) / count)] ?? 0)),
    Array.from({ length: count }, () => new Float64Array(dimensions).fill(1)),
  );
  const densities = new Float64Array(count);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const weightSums = new Float64Array(count);
    const sums = Array.from({ length: count }, () => new Float64Array(dimensions));
    const squares = Array.from({ length: count }, () => new Float64Array(dimensions));
    for (const row of rows) {
      componentLogDensities(model, matrix, row, densities);
      const total = logSumExp(densities);
      for (let component = 0; component < count; component++) {
        const responsibility = Math.exp(densities[component]! - total);
        weightSums[component]! += responsibility;
        for (let dimension = 0; dimension < dimensions; dimension++) {
          const value = matrix.values[row * dimensions + dimension]!;
          sums[component]![dimension]! += responsibility * value;
          squares[component]![dimension]! += responsibility * value * value;
        }
      }
    }
    const means = sums.map((sum, component) => sum.map((value) => value / Math.max(weightSums[component]!, 1e-9)));
    const variances = squares.map((square, component) => square.map((value, dimension) => value / Math.max(weightSums[component]!, 1e-9) - means[component]![dimension]! ** 2));
    model = buildModel(weightSums.map((sum) => sum / Math.max(1, rows.length)), means, variances);
  }
  return model;
}
