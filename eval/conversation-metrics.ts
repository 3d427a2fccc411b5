/**
 * Conversation metrics (pipeline/metrics) against what the samples' truth allows: words per
 * minute against the scripts' word counts over the truth utterances' speech, and non-talk time
 * against the gaps between the truth utterances. Loudness and pitch have no truth in the samples;
 * their known-answer tests are in pipeline/metrics/metrics.test.ts.
 */
import { countWords } from '../pipeline/metrics/talk-speed.ts';
import type { TimeSpan } from './match-events.ts';
import { maxOf, medianOf, mergedDurationS, type EvaluatedCall, type Figures } from './measure.ts';

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

export function measureConversationMetrics(calls: readonly EvaluatedCall[]): Figures {
  const figures: Figures = {};
  for (const party of speakingParties) {
    const relativeErrors = calls.flatMap(({ truth, result }) => {
      const measured = result.metrics?.parties.find((entry) => entry.party === party)?.talk_speed.words_per_minute;
      const own = truth.utterances.filter((utterance) => utterance.party === party);
      const speechS = mergedDurationS(own);
      if (measured === undefined || measured === null || speechS === 0) return [];
      const truthWpm = (own.reduce((sum, utterance) => sum + countWords({ ...utterance, party }), 0) / speechS) * 60;
      return [Math.abs(measured - truthWpm) / truthWpm];
    });
    figures[`talk_speed.${party}.wpm_median_error`] = medianOf(relativeErrors, 'share', 'no words per minute in any result');
    figures[`talk_speed.${party}.wpm_max_error`] = maxOf(relativeErrors, 'share', 'no words per minute in any result');
  }
  const nonTalkErrors = calls.flatMap(({ truth, result }) =>
    result.metrics ? [Math.abs(result.metrics.non_talk.total_s - gapsAtLeastS(truth.utterances, result.metrics.non_talk.min_gap_s))] : []);
  figures['non_talk.median_error_s'] = medianOf(nonTalkErrors, 'seconds', 'metrics null in every result');
  figures['non_talk.max_error_s'] = maxOf(nonTalkErrors, 'seconds', 'metrics null in every result');
  return figures;
}
