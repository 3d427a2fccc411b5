/**
 * Every figure for one group of calls (one language, or all), in display order: event
 * detection (event-metrics.ts, interruption-confusion.ts, hold-metrics.ts), then the per-call
 * figures below. A call whose result leaves a field null (the stage has not run) is left out
 * of that figure; when every call does, the figure is not available.
 */
import { languages } from '../pipeline/result/call-result.ts';
import { measureConversationMetrics } from './conversation-metrics.ts';
import { measureEvents } from './event-metrics.ts';
import { measureHoldAttributes } from './hold-metrics.ts';
import { measureInterruptionConfusion } from './interruption-confusion.ts';
import { maxOf, medianOf, mergedDurationS, shareOf, type EvaluatedCall, type Figures } from './measure.ts';


const speakingParties = ['agent', 'customer'] as const;

/** Relative error of `parties.<party>.talk_s` against the party's truth utterances, per call. */
/** `talk_time.<party>.median_error` and `.max_error` against the truth's merged utterances; `unavailable` says why a figure has no value. */
export function measureTalkTime(calls: readonly EvaluatedCall[], unavailable = 'parties null in every result'): Figures {
  const figures: Figures = {};
  for (const party of speakingParties) {
    const relativeErrors = calls.flatMap(({ truth, result }) => {
      const truthTalkS = mergedDurationS(truth.utterances.filter((utterance) => utterance.party === party));
      // A mono variant's talk figures come from the diarization, measured by `--corpus mono` (eval/diarization/).
      return result.parties === null || truthTalkS === 0 || truth.channels === 1 ? [] : [Math.abs(result.parties[party].talk_s - truthTalkS) / truthTalkS];
    });
    figures[`talk_time.${party}.median_error`] = medianOf(relativeErrors, 'share', unavailable);
    figures[`talk_time.${party}.max_error`] = maxOf(relativeErrors, 'share', unavailable);
  }
  return figures;
}

/** `rule.<id>.agreement`: share of calls whose result status for the rule equals the truth's. */
function measureRules(calls: readonly EvaluatedCall[]): Figures {
  const ruleIds = [...new Set(calls.flatMap((call) => Object.keys(call.truth.rules)))];
  const figures: Figures = {};
  for (const ruleId of ruleIds) {
    let carried = 0;
    let agreed = 0;
    for (const { truth, result } of calls) {
      const expected = new Map<string, string>(Object.entries(truth.rules)).get(ruleId);
      const reported = result.rules.find((rule) => rule.id === ruleId);
      if (expected === undefined || reported === undefined) continue;
      carried++;
      if (reported.status === expected) agreed++;
    }
    figures[`rule.${ruleId}.agreement`] = shareOf(agreed, carried, 'share', 'rule absent from every result');
  }
  return figures;
}

function measureCallFacts(calls: readonly EvaluatedCall[]): Figures {
  const withStatements = calls.flatMap(({ truth, result }) => (result.statements === null ? [] : [{ truth: truth.statements.agent, result: result.statements.agent }]));
  const withinOne = withStatements.filter(({ truth, result }) => Math.abs(result.i - truth.i) <= 1 && Math.abs(result.you - truth.you) <= 1);
  const withLanguage = calls.filter(({ result }) => result.language !== null);
  const languageRight = withLanguage.filter(({ truth, result }) => result.language === truth.language);
  return {
    'statements.within_one': shareOf(withinOne.length, withStatements.length, 'share', 'statements null in every result'),
    'language.accuracy': shareOf(languageRight.length, withLanguage.length, 'share', 'language null in every result'),
    // Availability itself, so zero is the true answer while no transcript stage runs.
    'transcript.available': shareOf(calls.filter(({ result }) => result.utterances.length > 0).length, calls.length, 'share', 'no calls'),
  };
}

/** All figures for `calls`, keyed and ordered as the report prints them. */
export function measureGroup(calls: readonly EvaluatedCall[]): Figures {
  return {
    ...measureEvents(calls),
    ...measureInterruptionConfusion(calls),
    ...measureHoldAttributes(calls),
    ...measureTalkTime(calls),
    ...measureConversationMetrics(calls),
    ...measureRules(calls),
    ...measureCallFacts(calls),
  };
}

/** Figures per language present in `calls` (by the truth's language), then `overall`. */
export function measureGroups(calls: readonly EvaluatedCall[]): Record<string, Figures> {
  const groups: Record<string, Figures> = {};
  for (const language of languages) {
    const inLanguage = calls.filter((call) => call.truth.language === language);
    if (inLanguage.length > 0) groups[language] = measureGroup(inLanguage);
  }
  if (calls.length > 0) groups.overall = measureGroup(calls);
  return groups;
}
