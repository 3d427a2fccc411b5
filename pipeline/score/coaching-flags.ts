/**
 * Per-agent aggregation and coaching flags. Over an agent's latest `windowCalls` calls, each
 * rule's failure rate is its failed calls over the calls where it applied (pass or fail); a
 * rule that applied in at least `minApplicableCalls` of them and fails at or above its
 * threshold is flagged, citing the most recent failing call ids so a coach can listen.
 */
import type { RuleResult } from '../result/call-result.ts';
import type { CoachingConfig } from './scorecard.ts';

export interface AgentCall {
  callId: string;
  /** The call's score; null when nothing applied. */
  score: number | null;
  rules: readonly RuleResult[];
}

export interface RuleRate {
  ruleId: string;
  applicableCalls: number;
  failedCalls: number;
  failureRate: number;
}

export interface CoachingFlag extends RuleRate {
  threshold: number;
  /** Most recent first. */
  exampleCallIds: string[];
}

export interface AgentSummary {
  calls: number;
  meanScore: number | null;
  rules: RuleRate[];
  flags: CoachingFlag[];
}

const latest = (calls: readonly AgentCall[], config: CoachingConfig) => calls.slice(-config.windowCalls);

function rateOf(ruleId: string, calls: readonly AgentCall[]): { rate: RuleRate; failedIds: string[] } {
  const statuses = calls.map((call) => ({ callId: call.callId, status: call.rules.find((rule) => rule.id === ruleId)?.status ?? 'n/a' }));
  // An uncertain result awaits a reviewer: it is neither a pass nor a fail yet.
  const applicable = statuses.filter(({ status }) => status === 'pass' || status === 'fail');
  const failedIds = applicable.filter(({ status }) => status === 'fail').map(({ callId }) => callId);
  const failureRate = applicable.length === 0 ? 0 : failedIds.length / applicable.length;
  return { rate: { ruleId, applicableCalls: applicable.length, failedCalls: failedIds.length, failureRate }, failedIds };
}

function ratesOf(calls: readonly AgentCall[]) {
  const ruleIds = [...new Set(calls.flatMap((call) => call.rules.map((rule) => rule.id)))];
  return ruleIds.map((ruleId) => rateOf(ruleId, calls));
}

/**
 * Coaching flags for one agent. `callsOfAgent` must be that agent's calls, oldest first; only
 * the latest `config.windowCalls` count. Flags are sorted by failure rate, highest first.
 */
export function findCoachingFlags(callsOfAgent: readonly AgentCall[], config: CoachingConfig): CoachingFlag[] {
  return ratesOf(latest(callsOfAgent, config))
    .map(({ rate, failedIds }) => ({ ...rate, threshold: config.failureRateThresholdByRule[rate.ruleId] ?? config.failureRateThreshold, exampleCallIds: failedIds.reverse().slice(0, config.maxExampleCalls) }))
    .filter((flag) => flag.applicableCalls >= config.minApplicableCalls && flag.failedCalls > 0 && flag.failureRate >= flag.threshold)
    .sort((a, b) => b.failureRate - a.failureRate || a.ruleId.localeCompare(b.ruleId));
}

/** The agent's latest calls in figures: mean score, each rule's failure rate, coaching flags. */
export function summarizeAgent(callsOfAgent: readonly AgentCall[], config: CoachingConfig): AgentSummary {
  const window = latest(callsOfAgent, config);
  const scores = window.flatMap((call) => (call.score === null ? [] : [call.score]));
  const meanScore = scores.length === 0 ? null : Math.round((10 * scores.reduce((sum, score) => sum + score, 0)) / scores.length) / 10;
  return {
    calls: window.length,
    meanScore,
    rules: ratesOf(window).map(({ rate }) => rate),
    flags: findCoachingFlags(callsOfAgent, config),
  };
}
