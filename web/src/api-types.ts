/**
 * The API's own schemas, as types only: the app reads exactly what the server declares, and
 * nothing of TypeBox reaches the bundle. The few enumerations the filters offer are repeated
 * here as values, checked against those types so they cannot drift apart silently.
 */
import type { Role } from '../../api/roles.ts';
import type { CallSummary } from '../../api/schemas/call-summary.ts';
import type { CallEvent, ContactChannel, Language, RuleResult } from '../../pipeline/result/call-result.ts';

export type { AgentPeriodStats, CoachingFlag } from '../../api/schemas/agent-stats.ts';
export type { KpiRow } from '../../api/routes/kpis/schemas.ts';
export type { SearchPage } from '../../api/routes/search/schemas.ts';
export type { CallDetail } from '../../api/schemas/call-detail.ts';
export type { Example } from '../../api/schemas/example.ts';
export type { Review, ReviewRequest } from '../../api/schemas/review.ts';
export type { QueueItem, SamplingPolicy } from '../../api/schemas/sampling.ts';
export type { AgreementReport, CalibrationSession, CalibrationView } from '../../api/schemas/calibration.ts';
export type { AgentResponse } from '../../api/schemas/agent-response.ts';
export type { CallEvent, CallSentiment, Utterance } from '../../pipeline/result/call-result.ts';
export type { CallSummary, RuleResult };

export type RuleStatus = RuleResult['status'];
export type EventType = CallEvent['type'];

export const eventTypes = ['interruption', 'backchannel', 'hold', 'dead_air', 'transfer'] as const satisfies readonly EventType[];
export const languages = ['en', 'ru', 'hu'] as const satisfies readonly Language[];
export const contactChannels = ['voice', 'chat', 'email'] as const satisfies readonly ContactChannel[];
export type { ContactChannel };
export const callDirections = ['inbound', 'outbound', 'internal'] as const satisfies readonly NonNullable<CallSummary['direction']>[];
/** What a reviewer may set: a review settles an uncertain rule, it never makes one. */
export const ruleStatuses = ['pass', 'fail', 'n/a'] as const satisfies readonly RuleStatus[];

export interface CallPage { items: CallSummary[]; next_cursor: string | null }
export interface Principal { user_name: string; role: Role }
