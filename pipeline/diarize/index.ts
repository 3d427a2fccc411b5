/**
 * Diarization stage: who of two speakers spoke when, on a channel that carries both (a mono
 * recording). The built-in method needs no download: cepstral features of the speech the audio
 * stage found, a two-way split of ~1 s windows, per-speaker Gaussian mixtures and a smoothed
 * resegmentation (README.md). It sees one speaker at a time, so overlaps stay invisible.
 */
import type { Effects } from '../../core/effects.ts';
import type { Interval } from '../audio/index.ts';
import type { CallAudio, DecodeSampleRateHz } from '../ingest/index.ts';
import type { SpeakerId } from '../result/call-result.ts';
import type { Diarization } from './diarization.ts';
import { createFeatureExtractor, type SpeechFeatures } from './features.ts';
import { resegment } from './resegment.ts';
import { meanOfRows, normaliseFeatures, splitInTwo, startingCentres, type FrameMatrix } from './speaker-models.ts';
import { defaultDiarizeThresholds, type DiarizeThresholds } from './thresholds.ts';

export { defaultDiarizeThresholds, type DiarizeThresholds } from './thresholds.ts';
export { identifyAgent, type AgentIdentification, type AgentClues, type AgentEvidence } from './identify-agent.ts';
export { assignUtterancesToParties, type PartyTurn } from './assign-utterances.ts';

export type { SpeakerId } from '../result/call-result.ts';
export type { Diarization, SpeakerTurn } from './diarization.ts';

/** Rows of `features` grouped by the speech interval their frame centre falls in. */
function rowsBySegment(timesS: Float64Array, speech: readonly Interval[]): Array<{ segment: Interval; from: number; to: number }> {
  let row = 0;
  return speech.map((segment) => {
    while (row < timesS.length && timesS[row]! < segment.startS) row++;
    const from = row;
    while (row < timesS.length && timesS[row]! < segment.endS) row++;
    return { segment, from, to: row };
  });
}

/**
 * First labellings: each speech interval cut into ~1 s windows, the windows split in two by
 * their mean features, once from each of startingCentres' guesses.
 */
function initialLabellings(matrix: FrameMatrix, groups: ReturnType<typeof rowsBySegment>, hopS: number, clustering: DiarizeThresholds['clustering']): Uint8Array[] {
  const perWindow = Math.max(1, Math.round(clustering.windowS / hopS));
  const least = Math.round(clustering.minWindowS / hopS);
  const windows: Array<{ from: number; to: number }> = [];
  for (const { from, to } of groups) {
    for (let start = from; start < to; start += perWindow) {
      const end = Math.min(to, start + perWindow);
      const last = windows.at(-1);
      if (end - start < least && last && last.to === start) last.to = end;
      else windows.push({ from: start, to: end });
    }
  }
  const points = windows.map(({ from, to }) => meanOfRows(matrix, from, to));
  if (points.length < 2) return [new Uint8Array(matrix.rows)];
  return startingCentres(points).map((centres) => {
    const split = splitInTwo(points, centres, clustering.kmeansIterations);
    const labels = new Uint8Array(matrix.rows);
    windows.forEach(({ from, to }, index) => labels.fill(split[index]!, from, to));
    return labels;
  });
}

/** Turns from per-row labels: a speech interval changes speaker halfway between two differently labelled frames. */
function turnsFromLabels(labels: Uint8Array, timesS: Float64Array, groups: ReturnType<typeof rowsBySegment>): Array<Interval & { label: number }> {
  const turns: Array<Interval & { label: number }> = [];
  let lastLabel = labels[0] ?? 0;
  for (const { segment, from, to } of groups) {
    let startS = segment.startS;
    let label = from < to ? labels[from]! : lastLabel;
    for (let row = from + 1; row < to; row++) {
      if (labels[row] === label) continue;
      const changeS = (timesS[row - 1]! + timesS[row]!) / 2;
      turns.push({ startS, endS: changeS, label });
      startS = changeS;
      label = labels[row]!;
    }
    turns.push({ startS, endS: segment.endS, label });
    lastLabel = label;
  }
  return turns;
}

/**
 * Pauses inside the speech: runs of at least `pauses.minS` of quiet frames, those within
 * `pauses.aboveFloorDb` of the `pauses.floorQuantile` level of the speech frames and at least
 * `pauses.belowMedianDb` under their median. The VAD bridges the short pause between one
 * party's line and the other's reply, so a turn change usually lies in one; left in, they count as talk.
 */
function findPauses(features: SpeechFeatures, pauses: DiarizeThresholds['pauses']): Interval[] {
  const levels = features.levelsDb;
  const sorted = Float32Array.from(levels).sort();
  const floorDb = sorted[Math.floor(pauses.floorQuantile * (sorted.length - 1))] ?? 0;
  const quietBelowDb = Math.min(floorDb + pauses.aboveFloorDb, (sorted[sorted.length >> 1] ?? 0) - pauses.belowMedianDb);
  const found: Interval[] = [];
  let runStart = -1;
  for (let row = 0; row <= levels.length; row++) {
    const adjacent = row > 0 && row < levels.length && features.frameIndex[row]! === features.frameIndex[row - 1]! + 1;
    const quiet = row < levels.length && levels[row]! < quietBelowDb;
    if (quiet && runStart >= 0 && adjacent) continue;
    if (runStart >= 0 && (row - runStart) * features.hopS >= pauses.minS) {
      found.push({ startS: features.frameIndex[runStart]! * features.hopS + features.centreS - features.hopS / 2, endS: features.frameIndex[row - 1]! * features.hopS + features.centreS + features.hopS / 2 });
    }
    runStart = quiet ? row : -1;
  }
  return found;
}

/** `speech` with `pauses` (sorted) cut out. */
function withoutPauses(speech: readonly Interval[], pauses: readonly Interval[]): Interval[] {
  return speech.flatMap((segment) => {
    const pieces: Interval[] = [];
    let startS = segment.startS;
    for (const pause of pauses) {
      if (pause.endS <= startS || pause.startS >= segment.endS) continue;
      if (pause.startS > startS) pieces.push({ startS, endS: pause.startS });
      startS = Math.max(startS, pause.endS);
    }
    if (segment.endS > startS) pieces.push({ startS, endS: segment.endS });
    return pieces;
  });
}

/** The rows of `features` whose time falls in `pieces`. */
function keepRowsIn(features: SpeechFeatures, timesS: Float64Array, pieces: readonly Interval[]): SpeechFeatures {
  const kept: number[] = [];
  let piece = 0;
  timesS.forEach((timeS, row) => {
    while (piece < pieces.length && pieces[piece]!.endS <= timeS) piece++;
    if (piece < pieces.length && pieces[piece]!.startS <= timeS) kept.push(row);
  });
  const { dimensions } = features;
  return {
    ...features,
    frameIndex: Int32Array.from(kept, (row) => features.frameIndex[row]!),
    levelsDb: Float32Array.from(kept, (row) => features.levelsDb[row]!),
    values: Float32Array.from({ length: kept.length * dimensions }, (_, index) => features.values[kept[Math.floor(index / dimensions)]! * dimensions + (index % dimensions)]!),
  };
}

const timesOf = (features: SpeechFeatures) => Float64Array.from(features.frameIndex, (frame) => frame * features.hopS + features.centreS);

/** Joins two turns of one speaker across a pause cut out of one speech interval: a pause within a line is talk, only one between speakers is not. */
function bridgePauses<T extends Interval & { label: number }>(turns: readonly T[], speech: readonly Interval[]): T[] {
  const joined: T[] = [];
  let segment = 0;
  for (const turn of turns) {
    while (segment < speech.length && speech[segment]!.endS < turn.startS) segment++;
    const last = joined.at(-1);
    const within = speech[segment];
    if (last && last.label === turn.label && within && last.startS >= within.startS && turn.endS <= within.endS) joined[joined.length - 1] = { ...last, endS: turn.endS };
    else joined.push(turn);
  }
  return joined;
}

/** Two speakers' turns over `speech` from the call's features. */
export function diarizeFeatures(allFeatures: SpeechFeatures, allSpeech: readonly Interval[], thresholds: DiarizeThresholds = defaultDiarizeThresholds): Diarization {
  const speech = withoutPauses(allSpeech, findPauses(allFeatures, thresholds.pauses));
  const features = keepRowsIn(allFeatures, timesOf(allFeatures), speech);
  const matrix = normaliseFeatures(features, thresholds.clustering.pitchWeight);
  const timesS = timesOf(features);
  const groups = rowsBySegment(timesS, speech);
  // Each guess resegmented once; the one whose two speaker models explain the frames best is refined further.
  const once = { ...thresholds, clustering: { ...thresholds.clustering, resegmentPasses: 1 } };
  const chosen = initialLabellings(matrix, groups, features.hopS, thresholds.clustering)
    .map((initial) => resegment(matrix, timesS, initial, once, features.hopS))
    .reduce((best, candidate) => (candidate.fitPerFrame > best.fitPerFrame ? candidate : best));
  const further = { ...thresholds, clustering: { ...thresholds.clustering, resegmentPasses: Math.max(1, thresholds.clustering.resegmentPasses - 1) } };
  const { labels: split } = thresholds.clustering.resegmentPasses > 1 ? resegment(matrix, timesS, chosen.labels, further, features.hopS) : chosen;
  // A second "speaker" with hardly any of the speech is one voice split (a voicemail, an announcement), not a party.
  const minority = Math.min(...[0, 1].map((label) => split.filter((value) => value === label).length));
  const labels = minority < thresholds.clustering.minSpeakerShare * split.length ? new Uint8Array(split.length) : split;
  const labelled = bridgePauses(turnsFromLabels(labels, timesS, groups), allSpeech);
  const firstLabel = labelled[0]?.label ?? 0;
  const speakerOf = (label: number): SpeakerId => (label === firstLabel ? 'A' : 'B');
  return {
    source: 'builtin',
    overlapsVisible: false,
    turns: labelled.map(({ startS, endS, label }) => ({ startS, endS, speaker: speakerOf(label) })),
  };
}

/**
 * Diarizes channel `channel` of a call over its speech intervals (the audio stage's segments of
 * that channel, sorted), with one more streaming decode at the rate the audio stage used.
 */
export async function diarizeChannel(
  audio: CallAudio, channel: number, speech: readonly Interval[], rateHz: DecodeSampleRateHz, effects: Effects,
  thresholds: DiarizeThresholds = defaultDiarizeThresholds,
): Promise<Diarization> {
  const extractor = createFeatureExtractor(channel, rateHz, speech, thresholds.features);
  const startedMs = effects.now();
  for await (const block of audio.openPcm(rateHz)) extractor.add(block);
  const diarization = diarizeFeatures(extractor.finish(), speech, thresholds);
  effects.log(`${audio.probe.source}: diarized channel ${channel} (built-in) in ${((effects.now() - startedMs) / 1000).toFixed(1)} s`);
  return diarization;
}
