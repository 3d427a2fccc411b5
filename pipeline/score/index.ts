/**
 * Score stage: turns a call's rule results into a 0–100 score (`scoreCall`) and an agent's
 * calls into a summary with coaching flags (`summarizeAgent`, `findCoachingFlags`), driven by
 * `scorecard.json`. See pipeline/rules/README.md, section "Scorecard".
 */
export { scoreCall, type CallScore } from './score-call.ts';
export { findCoachingFlags, summarizeAgent, type AgentCall, type AgentSummary, type CoachingFlag, type RuleRate } from './coaching-flags.ts';
export { loadScorecard, resolveScorecard, defaultScorecardFile, type Scorecard, type CoachingConfig } from './scorecard.ts';
