/**
 * Re-judging a stored result with the current rule packs and scorecard, without its audio:
 * the rules stage's input is rebuilt from the result (utterances with their sentiment, the
 * audio stage's events and event types), judged again, and only the judged fields replaced.
 */
import type { Effects } from '../core/effects.ts';
import { judgeCall, type JudgeConfig, type JudgeInput } from './judge-call.ts';
import { judgedFields, type OkCallResult } from './result/build-result.ts';
import type { CallEvent, EventType } from './result/call-result.ts';
import { holdAttributes, transferAttributes } from './rules/event-review.ts';

const reviewedAttributes: Readonly<Record<string, readonly string[]>> = { hold: holdAttributes, transfer: transferAttributes };

/**
 * Results stored before `audio_event_types_checked` existed: the audio stage never looks for
 * transfers, so every other type they list is taken as the audio's.
 */
function audioEventTypesOf(result: OkCallResult): readonly EventType[] {
  return result.audio_event_types_checked ?? result.event_types_checked.filter((type) => type !== 'transfer');
}

/** An event as the audio stage gave it: without the attributes the rules stage read from the transcript. */
function withoutReview(event: CallEvent): CallEvent {
  const reviewed = reviewedAttributes[event.type];
  if (!reviewed) return event;
  return Object.fromEntries(Object.entries(event).filter(([key]) => !reviewed.includes(key))) as CallEvent;
}

/** The rules stage's input as it was when the result was made. */
export function judgeInputOf(result: OkCallResult): JudgeInput {
  const audioTypes = new Set(audioEventTypesOf(result));
  // Holds and transfers of a type the audio did not check were found in the transcript: the rules stage finds them again.
  const audioEvents = result.events
    .filter((event) => !(event.type in reviewedAttributes) || audioTypes.has(event.type))
    .map(withoutReview);
  const sentimentModelId = result.sentiment_source?.startsWith('model:') ? result.sentiment_source.slice('model:'.length) : null;
  return { language: result.language, channel: result.channel ?? 'voice', utterances: result.utterances, audioEvents, audioEventTypesChecked: [...audioTypes], sentimentModelId };
}

/** The stored result judged again with `config`; the same result when there is nothing to judge. */
export function rescoreResult(result: OkCallResult, config: JudgeConfig, effects: Effects): OkCallResult {
  const judgement = judgeCall(judgeInputOf(result), config, effects);
  return judgement ? { ...result, ...judgedFields(judgement) } : result;
}

const judgedKeys = ['event_types_checked', 'events', 'statements', 'rules', 'sentiment_source', 'score', 'versions'] as const satisfies readonly (keyof ReturnType<typeof judgedFields>)[];

/**
 * Whether a rescore left the result as it was: only the judged fields can differ, and they are
 * compared as serialised, so a rescore that changes nothing writes nothing.
 */
export function isSameJudgement(before: OkCallResult, after: OkCallResult): boolean {
  return judgedKeys.every((key) => before[key] === after[key] || JSON.stringify(before[key]) === JSON.stringify(after[key]));
}
