/**
 * Talk speed: words per minute of speech from the transcript, else syllables per second of
 * speech from the level envelope. Definitions: README.md.
 */
import { coveredS, mergeIntervals, totalDurationS, type Interval } from '../audio/index.ts';
import type { Party, PartyMetrics, Utterance } from '../result/call-result.ts';
import { roundTo } from './frames.ts';
import type { MetricsThresholds } from './thresholds.ts';

/** Words of an utterance: its timed words when it has them, else the text's tokens holding a letter or digit. */
export function countWords(utterance: Utterance): number {
  if (utterance.words && utterance.words.length > 0) return utterance.words.length;
  return utterance.text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * Syllable nuclei in frames [from, to) of a level track (dB): peaks that rise at least
 * `prominenceDb` over the dip before them and fall at least as much after (hysteresis), so
 * ripples inside one vowel count once.
 */
export function countSyllables(levelDb: Float32Array, from: number, to: number, prominenceDb: number): number {
  let peaks = 0;
  let valley = Number.POSITIVE_INFINITY;
  let peak = Number.NEGATIVE_INFINITY;
  let rising = true;
  for (let frame = from; frame < to; frame++) {
    const level = levelDb[frame]!;
    if (rising) {
      valley = Math.min(valley, level);
      if (level >= valley + prominenceDb) rising = false;
      peak = level;
    } else if (level > peak) {
      peak = level;
    } else if (level <= peak - prominenceDb) {
      peaks++;
      rising = true;
      valley = level;
    }
  }
  return rising ? peaks : peaks + 1;
}

export interface TalkSpeedInput {
  party: Party;
  speech: readonly Interval[];
  /** The party's utterances (all of them for a mono channel). */
  utterances: readonly Utterance[];
  levelDb: Float32Array;
  frameS: number;
}

interface Stretch {
  speechS: number;
  fast: boolean;
}

const fastShareOf = (stretches: readonly Stretch[]): number | null => {
  const measuredS = stretches.reduce((sum, stretch) => sum + stretch.speechS, 0);
  return measuredS > 0 ? stretches.reduce((sum, stretch) => sum + (stretch.fast ? stretch.speechS : 0), 0) / measuredS : null;
};

export function measureTalkSpeed({ party, speech, utterances, levelDb, frameS }: TalkSpeedInput, thresholds: MetricsThresholds['talkSpeed']): PartyMetrics['talk_speed'] {
  const speechS = totalDurationS(speech);
  const frameOf = (timeS: number) => Math.min(levelDb.length, Math.round(timeS / frameS));
  const segments = speech.map((segment) => ({ ...segment, syllables: countSyllables(levelDb, frameOf(segment.startS), frameOf(segment.endS), thresholds.syllableProminenceDb) }));
  const syllables = segments.reduce((sum, segment) => sum + segment.syllables, 0);
  const words = utterances.reduce((sum, utterance) => sum + countWords(utterance), 0);
  const byUtterance: Stretch[] = utterances.flatMap((utterance) => {
    const wordCount = countWords(utterance);
    const utteranceSpeechS = coveredS({ startS: utterance.start, endS: utterance.end }, speech);
    return wordCount >= thresholds.minWords && utteranceSpeechS > 0 ? [{ speechS: utteranceSpeechS, fast: (wordCount / utteranceSpeechS) * 60 > thresholds.fastWpm }] : [];
  });
  const stretches = mergeIntervals(speech, thresholds.stretchBridgeS).filter((stretch) => stretch.endS - stretch.startS >= thresholds.minStretchS);
  const bySpurt: Stretch[] = stretches.map((stretch) => {
    const inside = segments.filter((segment) => segment.startS >= stretch.startS && segment.endS <= stretch.endS);
    const stretchSpeechS = totalDurationS(inside);
    const count = inside.reduce((sum, segment) => sum + segment.syllables, 0);
    return { speechS: stretchSpeechS, fast: count / stretchSpeechS > thresholds.fastSyllablesPerS };
  });
  const measuredBy = byUtterance.length > 0 ? 'transcript' : bySpurt.length > 0 ? 'audio' : null;
  const fastShare = measuredBy === 'transcript' ? fastShareOf(byUtterance) : measuredBy === 'audio' ? fastShareOf(bySpurt) : null;
  return {
    words_per_minute: words > 0 && speechS > 0 ? roundTo((words / speechS) * 60, 1) : null,
    syllables_per_s: speechS > 0 ? roundTo(syllables / speechS, 2) : null,
    measured_by: measuredBy,
    fast_share: fastShare === null ? null : roundTo(fastShare, 3),
    too_fast: party === 'agent' && fastShare !== null ? fastShare >= thresholds.flagShare : null,
  };
}
