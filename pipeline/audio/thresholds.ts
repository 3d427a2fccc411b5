/**
 * Audio-stage thresholds: the values live in `audio-thresholds.json` (data, tuned against the
 * sample calls); this file says what each one means, checks ranges and freezes the result.
 * `pipeline/audio/README.md` explains how each threshold shapes an event.
 */
import { readFileSync } from 'node:fs';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CallqaError } from '../../core/errors.ts';
import { findSchemaProblem, freezeSections, Section } from '../../core/strict-section.ts';

const Seconds = (description: string) => Type.Number({ minimum: 0, maximum: 3600, description });
const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

export const AudioThresholds = Section({
  vad: Section({
    speechProbability: Share('Silero probability at which speech starts.'),
    releaseMargin: Share('Speech ends once the probability falls below speechProbability minus this.'),
    minSpeechS: Seconds('Shorter speech segments are dropped.'),
    minSilenceS: Seconds('Shorter pauses do not end a segment.'),
    padS: Seconds('Added to both ends of each segment.'),
    endLatencyS: Seconds("Taken off each segment's end: Silero's recurrent state holds the probability up after the voice stops."),
  }),
  noiseFloor: Section({
    minAboveDb: Type.Number({ minimum: 0, maximum: 60, description: "A frame at least this far above its channel's noise floor is loud." }),
    minLoudShare: Share('Share of loud frames a speech segment needs to be kept.'),
    quantile: Share("Share of a channel's frames at or below its noise floor."),
  }),
  crossTalk: Section({
    minLevelDifferenceDb: Type.Number({ minimum: 0, maximum: 60, description: 'Least level difference below the other channel for a frame to be leakage.' }),
    minCorrelation: Type.Number({ minimum: -1, maximum: 1, description: "Least correlation of the frame's level track with the other channel's (echo-delayed) for leakage." }),
    windowS: Seconds('Window centred on each frame over which the level tracks are correlated.'),
    maxDelayS: Seconds('Longest echo delay looked for.'),
    loudAboveFloorDb: Type.Number({ minimum: 0, maximum: 60, description: "A frame this far above its channel's noise floor is loud (echo delay, hidden frames)." }),
    quietAboveFloorDb: Type.Number({ minimum: 0, maximum: 60, description: "A frame less than this above its noise floor while the other channel is loud is leakage." }),
  }),
  music: Section({
    minAudibleDbfs: Type.Number({ minimum: -120, maximum: 0, description: 'Quieter frames are never steady-tonal.' }),
    minSpectralSimilarity: Share('Cosine similarity to the previous frame spectrum for a frame to be steady.'),
    maxSpectralFlatness: Share('Spectral flatness at or below which a frame is tonal.'),
    windowS: Seconds('Window centred on each frame over which steady-tonal frames are counted.'),
    minSteadyShare: Share('Share of steady-tonal frames in the window for the frame to be music.'),
    bridgeGapS: Seconds('Music regions closer than this merge (tone cadences, pauses between tunes).'),
    minDurationS: Seconds('Shorter music regions are dropped.'),
  }),
  turns: Section({ bridgeGapS: Seconds("Pauses shorter than this stay inside one spurt of a party's speech.") }),
  interruption: Section({
    minOverlapS: Seconds('Least overlap between the onset of the interrupting spurt and the end of the other party’s spurt.'),
    minSpurtS: Seconds('Least length of the interrupting spurt.'),
  }),
  backchannel: Section({ maxSpurtS: Seconds('Longest spurt that counts as a backchannel.') }),
  monologue: Section({ maxPauseS: Seconds('A longer pause ends a monologue.') }),
  hold: Section({
    minGapS: Seconds('Least length of a gap in the conversation that is a hold.'),
    minMusicShare: Share('Share of the gap covered by music for a music hold (and for a gap not to be dead air).'),
  }),
  deadAir: Section({ minGapS: Seconds('Least length of a silent gap inside the conversation that is dead air.') }),
  pitch: Section({
    minHz: Type.Number({ minimum: 40, maximum: 200, description: 'Lowest F0 looked for.' }),
    maxHz: Type.Number({ minimum: 200, maximum: 1000, description: 'Highest F0 looked for.' }),
    maxAperiodicity: Share('A frame is voiced when its normalised difference falls below this at some lag (YIN threshold).'),
    minLevelDbfs: Type.Number({ minimum: -120, maximum: 0, description: 'Quieter frames get no F0.' }),
  }),
});
export type AudioThresholds = Readonly<{ [Key in keyof Static<typeof AudioThresholds>]: Readonly<Static<typeof AudioThresholds>[Key]> }>;

/** What a user may write: any subset of sections and keys; the rest comes from the data file. */
export type AudioThresholdsSpec = { [Key in keyof AudioThresholds]?: Partial<AudioThresholds[Key]> };

const defaultsPath = new URL('./audio-thresholds.json', import.meta.url);

function invalid(where: string, problem: string): CallqaError {
  return new CallqaError('CQA_ERR_CONFIG_INVALID', `audio threshold ${where}: ${problem}; fix the value or remove it to use the default`);
}

function checkSchema(schema: TSchema, value: unknown, origin: string): void {
  const found = findSchemaProblem(schema, value);
  if (found) throw invalid(`${origin}${found.path}`, found.problem);
}

/**
 * Resolves thresholds: the user's spec over the defaults in `audio-thresholds.json`, checked
 * (CQA_ERR_CONFIG_INVALID naming the key) and deeply frozen.
 */
export function resolveAudioThresholds(spec: AudioThresholdsSpec = {}): AudioThresholds {
  const defaults: unknown = JSON.parse(readFileSync(defaultsPath, 'utf8'));
  checkSchema(AudioThresholds, defaults, 'audio-thresholds.json');
  const base = defaults as Record<string, object>;
  const given = spec as Record<string, object | undefined>;
  // Sections only the spec names are kept, so the schema reports them as unknown.
  const sections = new Set([...Object.keys(base), ...Object.keys(given)]);
  const merged = Object.fromEntries([...sections].map((section) => [section, { ...base[section], ...given[section] }]));
  checkSchema(AudioThresholds, merged, '');
  const resolved = merged as Static<typeof AudioThresholds>;
  if (resolved.vad.releaseMargin >= resolved.vad.speechProbability) throw invalid('/vad/releaseMargin', 'must be below vad.speechProbability');
  if (resolved.deadAir.minGapS >= resolved.hold.minGapS) throw invalid('/deadAir/minGapS', 'must be below hold.minGapS');
  if (resolved.backchannel.maxSpurtS > resolved.interruption.minSpurtS) throw invalid('/backchannel/maxSpurtS', 'must not exceed interruption.minSpurtS');
  return freezeSections(resolved);
}

/** The thresholds of the data file, as shipped. */
export const defaultAudioThresholds: AudioThresholds = resolveAudioThresholds();
