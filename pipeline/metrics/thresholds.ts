/**
 * Conversation-metric thresholds: the values live in `metrics-thresholds.json` (data); this file
 * says what each means and checks ranges. Definitions: README.md.
 */
import { readFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { CallqaError } from '../../core/errors.ts';
import { findSchemaProblem, freezeSections, Section } from '../../core/strict-section.ts';

const Seconds = (description: string) => Type.Number({ minimum: 0, maximum: 3600, description });
const Share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const Decibels = (description: string) => Type.Number({ minimum: 0, maximum: 60, description });

export const MetricsThresholds = Section({
  windowS: Type.Number({ minimum: 0.1, maximum: 60, description: 'Window of the loudness and pitch series.' }),
  talkSpeed: Section({
    fastWpm: Type.Number({ minimum: 1, maximum: 1000, description: 'An utterance faster than this many words per minute of speech is fast.' }),
    fastSyllablesPerS: Type.Number({ minimum: 0.1, maximum: 20, description: 'Without a transcript: a stretch faster than this many syllables per second of speech is fast.' }),
    minWords: Type.Integer({ minimum: 1, maximum: 100, description: 'Utterances with fewer words are too short to judge.' }),
    minStretchS: Seconds('Stretches of speech shorter than this are too short to judge by syllable rate.'),
    stretchBridgeS: Seconds('Pauses shorter than this stay inside one stretch of speech.'),
    flagShare: Share('The agent is flagged too fast when at least this share of the measured speech is fast.'),
    syllableProminenceDb: Decibels('A syllable is a level peak rising and falling at least this much.'),
  }),
  monologue: Section({ agentS: Seconds('Agent monologues this long count.'), customerS: Seconds('Customer monologues this long count.') }),
  nonTalk: Section({ minGapS: Seconds('Gaps where nobody speaks this long or longer are non-talk time.') }),
  loudness: Section({
    minSpeechShare: Share('Least share of speech frames in a window for it to have a level.'),
    baselineS: Seconds("The running baseline is the median of the party's last this many seconds of speech windows not raised themselves."),
    minBaselineS: Seconds('Least speech (windows × window length) in the baseline before anything is judged raised.'),
    riseDb: Decibels('A window this far above the baseline is raised.'),
    minRaisedS: Seconds('Least raised time for a raised-voice span.'),
    mergeGapS: Seconds('Raised windows this close merge into one span.'),
  }),
  pitch: Section({
    lowPercentile: Share('Lower end of the pitch range.'),
    highPercentile: Share('Upper end of the pitch range.'),
    minVoicedS: Seconds('Less voiced speech gives no range or monotony.'),
    minVoicedFramesPerWindow: Type.Integer({ minimum: 1, maximum: 1000, description: 'Least voiced frames for a window to have a pitch.' }),
  }),
});
export type MetricsThresholds = Static<typeof MetricsThresholds>;

/** Reads and checks a thresholds file; CQA_ERR_CONFIG_INVALID names the key and the file. */
export function loadMetricsThresholds(file: URL | string = new URL('./metrics-thresholds.json', import.meta.url)): MetricsThresholds {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const found = findSchemaProblem(MetricsThresholds, data);
  if (found) throw new CallqaError('CQA_ERR_CONFIG_INVALID', `metrics threshold ${found.path} in ${String(file)}: ${found.problem}; fix the value`);
  const thresholds = data as MetricsThresholds;
  if (thresholds.pitch.lowPercentile >= thresholds.pitch.highPercentile) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `metrics threshold /pitch/lowPercentile in ${String(file)}: must be below pitch.highPercentile; fix the value`);
  }
  return freezeSections(thresholds);
}

export const defaultMetricsThresholds: MetricsThresholds = loadMetricsThresholds();
