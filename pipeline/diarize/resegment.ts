/**
 * Speaker turns from the two speaker models: per speech frame the log-likelihood under each,
 * and a two-state Viterbi path that pays `smoothing.switchPenalty` for a change of speaker
 * between adjacent frames and only `smoothing.gapSwitchPenalty` across a pause of at least
 * `smoothing.gapS` (turns change in pauses). The models are refitted on the path and the path
 * found again, `clustering.resegmentPasses` times.
 */
import { fitSpeakerModel, scoreFrames, type FrameMatrix } from './speaker-models.ts';
import type { DiarizeThresholds } from './thresholds.ts';

/** The cheapest speaker path through frames with log-likelihoods `scores[s][row]`; `timesS` per row. */
export function findSpeakerPath(scores: readonly [Float64Array, Float64Array], timesS: Float64Array, smoothing: DiarizeThresholds['smoothing'], hopS: number): Uint8Array {
  const rows = timesS.length;
  const path = new Uint8Array(rows);
  if (rows === 0) return path;
  const cameFrom = [new Uint8Array(rows), new Uint8Array(rows)] as const;
  let best = [scores[0][0]!, scores[1][0]!];
  for (let row = 1; row < rows; row++) {
    const penalty = timesS[row]! - timesS[row - 1]! - hopS >= smoothing.gapS ? smoothing.gapSwitchPenalty : smoothing.switchPenalty;
    const next = [0, 0];
    for (const state of [0, 1] as const) {
      const stay = best[state]!;
      const change = best[1 - state]! - penalty;
      cameFrom[state][row] = stay >= change ? state : 1 - state;
      next[state] = Math.max(stay, change) + scores[state][row]!;
    }
    best = next;
  }
  path[rows - 1] = best[0]! >= best[1]! ? 0 : 1;
  for (let row = rows - 1; row > 0; row--) path[row - 1] = cameFrom[path[row]! as 0 | 1][row]!;
  return path;
}

export interface Resegmentation {
  labels: Uint8Array;
  /** Log-likelihood per frame of the frames under their own speaker's last model: how well two voices explain the call. */
  fitPerFrame: number;
}

/** Refits both speakers' models on the current labels and finds the path again. */
export function resegment(matrix: FrameMatrix, timesS: Float64Array, initial: Uint8Array, thresholds: DiarizeThresholds, hopS: number): Resegmentation {
  let labels = initial;
  let fitPerFrame = Number.NEGATIVE_INFINITY;
  for (let pass = 0; pass < thresholds.clustering.resegmentPasses; pass++) {
    const current = labels;
    const rowsOf = [0, 1].map((label) => Array.from(current.keys()).filter((row) => current[row] === label));
    if (rowsOf.some((rows) => rows.length === 0)) break;
    const models = rowsOf.map((rows) => fitSpeakerModel(matrix, rows, thresholds.clustering.mixtureComponents, thresholds.clustering.emIterations));
    const scores = [scoreFrames(models[0]!, matrix), scoreFrames(models[1]!, matrix)] as const;
    labels = findSpeakerPath(scores, timesS, thresholds.smoothing, hopS);
    fitPerFrame = labels.reduce((sum, label, row) => sum + scores[label as 0 | 1][row]!, 0) / Math.max(1, labels.length);
  }
  return { labels, fitPerFrame };
}
