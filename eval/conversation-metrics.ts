/**
 * Conversation metrics (pipeline/metrics) against what the samples' truth allows: words per
 * minute against the scripts' word counts over the truth utterances' speech, whether the
 * audio-only syllable rate calls a party fast exactly when the scripts' words per minute do
 * (a held-out check of `talkSpeed.fastSyllablesPerS`, set on the generated test call), and
 * non-talk time against the gaps between the truth utterances. Loudness and pitch have no truth in the samples;
 * their known-answer tests are in pipeline/metrics/metrics.test.ts.
 */
import { defaultMetricsThresholds } from '../pipeline/metrics/index.ts';
import { countWords } from '../pipeline/metrics/talk-speed.ts';
import type { TimeSpan } from './match-events.ts';
import { maxOf, medianOf, mergedDurationS, shareOf, type EvaluatedCall, type Figures } from './measure.ts';

const speakingParties = ['agent', 'customer'] as const;

/** Seconds in gaps of at least `minGapS` between consecutive merged spans. */
function gapsAtLeastS(spans: readonly TimeSpan[], minGapS: number): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let totalS = 0;
  let coveredUntil = Number.POSITIVE_INFINITY;
  for (const { start, end } of sorted) {
    if (start - coveredUntil >= minGapS) totalS += start - coveredUntil;
    coveredUntil = Number.isFinite(coveredUntil) ? Math.max(coveredUntil, end) : end;
  }
  return totalS;
}

/** The party's words per minute by the truth: its script words over its merged utterance time. */
function truthWpm(call: EvaluatedCall, party: (typeof speakingParties)[number]): number | null {
  const own = call.truth.utterances.filter((utterance) => utterance.party === party);
  const speechS = mergedDurationS(own);
  return speechS === 0 ? null : (own.reduce((sum, utterance) => sum + countWords({ ...utterance, party }), 0) / speechS) * 60;
}

export function measureConversationMetrics(calls: readonly EvaluatedCall[]): Figures {
  const { fastWpm, fastSyllablesPerS } = defaultMetricsThresholds.talkSpeed;
  const figures: Figures = {};
  let judged = 0;
  let agreed = 0;
  for (const party of speakingParties) {
    const relativeErrors = calls.flatMap((call) => {
      const measured = call.result.metrics?.parties.find((entry) => entry.party === party)?.talk_speed;
      const truth = truthWpm(call, party);
      if (!measured || truth === null) return [];
      if (measured.syllables_per_s !== null) {
        judged++;
        if (measured.syllables_per_s > fastSyllablesPerS === truth > fastWpm) agreed++;
      }
      return measured.words_per_minute === null ? [] : [Math.abs(measured.words_per_minute - truth) / truth];
    });
    figures[`talk_speed.${party}.wpm_median_error`] = medianOf(relativeErrors, 'share', 'no words per minute in any result');
    figures[`talk_speed.${party}.wpm_max_error`] = maxOf(relativeErrors, 'share', 'no words per minute in any result');
  }
  figures['talk_speed.syllable_fast_agreement'] = shareOf(agreed, judged, 'share', 'no syllable rate in any result');
  const nonTalkErrors = calls.flatMap(({ truth, result }) =>
    result.metrics ? [Math.abs(result.metrics.non_talk.total_s - gapsAtLeastS(truth.utterances, result.metrics.non_talk.min_gap_s))] : []);
  figures['non_talk.median_error_s'] = medianOf(nonTalkErrors, 'seconds', 'metrics null in every result');
  figures['non_talk.max_error_s'] = maxOf(nonTalkErrors, 'seconds', 'metrics null in every result');
  return figures;
}
