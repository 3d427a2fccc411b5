/**
 * Diarization thresholds: the values live in `diarize-thresholds.json` (data, tuned on the mono
 * downmixes of the sample calls only; eval/diarization/); this file says what each means, checks
 * ranges and freezes the result. README.md explains how each one shapes the speaker turns.
 */
import { readFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { CallqaError } from '../../core/errors.ts';
import { findSchemaProblem, freezeSections, Section } from '../../core/strict-section.ts';

const Seconds = (description: string) => Type.Number({ minimum: 0, maximum: 60, description });
const Count = (description: string) => Type.Integer({ minimum: 1, maximum: 200, description });
const Weight = (description: string) => Type.Number({ minimum: 0, maximum: 20, description });

export const DiarizeThresholds = Section({
  features: Section({
    hopS: Seconds('Step between feature frames.'),
    windowS: Seconds('Length of the analysis window of each feature frame (rounded up to a power of two in samples).'),
    melBands: Count('Mel filters between lowHz and highHz.'),
    lowHz: Type.Number({ minimum: 0, maximum: 8000, description: 'Lowest frequency the filters cover (telephone band starts at 300 Hz).' }),
    highHz: Type.Number({ minimum: 0, maximum: 8000, description: 'Highest frequency the filters cover (telephone band ends at 3400 Hz).' }),
    minVoicingPeak: Type.Number({ minimum: 0, maximum: 1, description: 'Least normalised autocorrelation peak for a frame to have a pitch.' }),
    cepstra: Count('Cepstral coefficients kept, c1 upwards (c0, the loudness, is left out: it follows the line, not the voice).'),
  }),
  clustering: Section({
    windowS: Seconds('Speech is cut into windows this long for the first two-way split.'),
    pitchWeight: Weight('Scale of the normalised pitch against each normalised cepstrum.'),
    minWindowS: Seconds('A shorter remnant of a speech region joins the window before it.'),
    kmeansIterations: Count('Iterations of the two-way k-means over the windows.'),
    mixtureComponents: Count('Gaussians in each speaker model.'),
    emIterations: Count('EM iterations per speaker-model fit.'),
    resegmentPasses: Count('Refit-and-resegment passes.'),
    minSpeakerShare: Type.Number({ minimum: 0, maximum: 0.5, description: 'A speaker with less of the speech frames is the other voice split, and the call has one speaker.' }),
  }),
  pauses: Section({
    floorQuantile: Type.Number({ minimum: 0, maximum: 1, description: 'Share of the speech frames at or below the floor level (the pauses the VAD bridged, at the line noise).' }),
    aboveFloorDb: Type.Number({ minimum: 0, maximum: 60, description: 'A quiet frame is at most this far over the floor…' }),
    belowMedianDb: Type.Number({ minimum: 0, maximum: 60, description: '…and at least this far under the median speech frame.' }),
    minS: Seconds('Least run of quiet frames that is a pause between words or turns, not speech.'),
  }),
  smoothing: Section({
    switchPenalty: Type.Number({ minimum: 0, maximum: 1000, description: 'Log-likelihood a change of speaker costs between adjacent speech frames.' }),
    gapSwitchPenalty: Type.Number({ minimum: 0, maximum: 1000, description: 'What a change of speaker costs across a pause of at least gapS: turns change in pauses.' }),
    gapS: Seconds('A pause at least this long between speech frames is a likely turn change.'),
    minTurnS: Seconds('A shorter run of one speaker joins its neighbours.'),
  }),
  agent: Section({
    firstSpeakerWeight: Weight('Log-odds for the agent being the first to speak (the greeting).'),
    holdWeight: Weight('Log-odds for the agent being the speaker on both sides of a hold (asks for it, thanks after).'),
    greetingWeight: Weight("Log-odds for the agent being the speaker whose first words are the rule pack's greeting."),
    minConfidence: Type.Number({ minimum: 0.5, maximum: 1, description: 'Below this probability the agent is reported as unknown.' }),
  }),
});
export type DiarizeThresholds = Readonly<{ [Key in keyof Static<typeof DiarizeThresholds>]: Readonly<Static<typeof DiarizeThresholds>[Key]> }>;

const thresholdsFile = new URL('./diarize-thresholds.json', import.meta.url);

/** Checks a thresholds object and freezes it; CQA_ERR_CONFIG_INVALID names the first bad key. */
export function resolveDiarizeThresholds(values: unknown, origin: string): DiarizeThresholds {
  const found = findSchemaProblem(DiarizeThresholds, values);
  if (found) throw new CallqaError('CQA_ERR_CONFIG_INVALID', `diarization threshold ${origin}${found.path}: ${found.problem}; fix the value`);
  return freezeSections(values as Static<typeof DiarizeThresholds>);
}

export const defaultDiarizeThresholds = resolveDiarizeThresholds(JSON.parse(readFileSync(thresholdsFile, 'utf8')), 'diarize-thresholds.json');
