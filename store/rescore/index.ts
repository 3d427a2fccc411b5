export { rescoreCalls } from './rescore-calls.ts';
export { findRescoreReport, resolveRescoreFilters, type RescoreFilters, type RescoreReport, type RescoreVersions } from './rescore-report.ts';
export { compareVerdicts, type CallChange, type VerdictChange } from './rescore-diff.ts';
