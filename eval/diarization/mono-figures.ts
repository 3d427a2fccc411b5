/**
 * Figures of the diarization of mono calls, per group of calls: diarization error (NIST, der.ts)
 * as the result labels the parties and at the best permutation, each with the usual 0.25 s
 * collar and with none, pooled over the group's reference speech; whether the agent was named
 * right, wrong or not at all; talk time per party against the truth; and how many calls had
 * interruptions checked at all (the built-in method sees no overlaps).
 */
import type { CallResult } from '../../pipeline/result/call-result.ts';
import { shareOf, type EvaluatedCall, type Figures } from '../measure.ts';
import { measureTalkTime } from '../metrics.ts';
import { bestPermutationError, diarizationError, type DiarizationError, type TwoParties } from './der.ts';
import type { TimeSpan } from '../match-events.ts';

export const standardCollarS = 0.25;

function referenceOf(call: EvaluatedCall): TwoParties<TimeSpan[]> {
  return {
    agent: call.truth.utterances.filter((utterance) => utterance.party === 'agent'),
    customer: call.truth.utterances.filter((utterance) => utterance.party === 'customer'),
  };
}

/**
 * The result's turns as parties: with the agent named, as labelled; without, speaker A stands
 * for the agent (the labelled error then counts the guess the result declined to make).
 */
function hypothesisOf(result: CallResult): TwoParties<TimeSpan[]> {
  const diarization = result.diarization;
  if (!diarization) return { agent: [], customer: [] };
  const agentSpeaker = diarization.agent.speaker ?? 'A';
  const turns = diarization.turns.map(({ start, end, speaker }) => ({ start, end, party: speaker === agentSpeaker ? 'agent' : 'customer' }));
  return { agent: turns.filter((turn) => turn.party === 'agent'), customer: turns.filter((turn) => turn.party === 'customer') };
}

function pooled(errors: readonly DiarizationError[]): number | null {
  const referenceS = errors.reduce((sum, error) => sum + error.referenceS, 0);
  return referenceS === 0 ? null : errors.reduce((sum, error) => sum + error.der * error.referenceS, 0) / referenceS;
}

function pooledMeasure(errors: readonly DiarizationError[]): Figures[string] {
  const value = pooled(errors);
  return value === null ? { value: null, reason: 'no diarized call', unit: 'share' } : { value, n: errors.length, unit: 'share' };
}

/** Whether the result named the agent, and rightly: right when its labels fit the truth better than swapped. */
export function agentVerdict(call: EvaluatedCall): 'right' | 'wrong' | 'unknown' {
  if (!call.result.diarization || call.result.diarization.agent.speaker === null) return 'unknown';
  const reference = referenceOf(call);
  const hypothesis = hypothesisOf(call.result);
  const asLabelled = diarizationError(reference, hypothesis).der;
  return asLabelled <= bestPermutationError(reference, hypothesis).der ? 'right' : 'wrong';
}

/** Every figure of one group of mono calls. */
export function measureMonoGroup(calls: readonly EvaluatedCall[]): Figures {
  const diarized = calls.filter((call) => call.result.diarization);
  const errors = (collarS: number, best: boolean) => diarized.map((call) => (best ? bestPermutationError : diarizationError)(referenceOf(call), hypothesisOf(call.result), collarS));
  const verdicts = calls.map(agentVerdict);
  const bestNoCollar = errors(0, true);
  const figures: Figures = {
    'diarization.der': pooledMeasure(errors(standardCollarS, false)),
    'diarization.der_best': pooledMeasure(errors(standardCollarS, true)),
    'diarization.der_no_collar': pooledMeasure(errors(0, false)),
    'diarization.der_best_no_collar': pooledMeasure(bestNoCollar),
    'diarization.missed_no_collar': pooledMeasure(bestNoCollar.map((error) => ({ ...error, der: error.missed }))),
    'diarization.false_alarm_no_collar': pooledMeasure(bestNoCollar.map((error) => ({ ...error, der: error.falseAlarm }))),
    'diarization.confusion_no_collar': pooledMeasure(bestNoCollar.map((error) => ({ ...error, der: error.confusion }))),
    'agent.accuracy': shareOf(verdicts.filter((verdict) => verdict === 'right').length, calls.length, 'share', 'no calls'),
    'agent.wrong': shareOf(verdicts.filter((verdict) => verdict === 'wrong').length, calls.length, 'share', 'no calls'),
    'agent.unknown': shareOf(verdicts.filter((verdict) => verdict === 'unknown').length, calls.length, 'share', 'no calls'),
    'interruption.checked': shareOf(calls.filter((call) => call.result.event_types_checked.includes('interruption')).length, calls.length, 'share', 'no calls'),
    ...measureTalkTime(calls, 'agent unknown in every result'),
  };
  return figures;
}
