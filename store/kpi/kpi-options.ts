import { CallqaError } from '../../core/errors.ts';

export const kpiGroupings = ['agent', 'queue', 'day', 'week'] as const;
export type KpiGrouping = (typeof kpiGroupings)[number];

/** What the user wrote (`callqa kpi` flags, an API query). */
export interface KpiOptionsSpec {
  groupBy?: string;
  since?: string | null;
  serviceLevelS?: number | string;
}

/** Resolved options; `since` is an ISO date or timestamp, null for all time. */
export interface KpiOptions {
  readonly groupBy: KpiGrouping;
  readonly since: string | null;
  readonly serviceLevelS: number;
}

export const defaultServiceLevelS = 20;

function isKpiGrouping(value: string): value is KpiGrouping {
  return (kpiGroupings as readonly string[]).includes(value);
}

/** A `--since` value: an ISO date (2024-03-01) or date and time; fails naming the flag. */
export function resolveSince(since: string | null | undefined): string | null {
  if (since === undefined || since === null || since === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/.test(since) || Number.isNaN(Date.parse(since))) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--since must be an ISO date such as 2024-03-01 (optionally with a time), got "${since}"`);
  }
  return since;
}

/** Checks and freezes KPI options; a bad value fails naming its flag. */
export function resolveKpiOptions(spec: KpiOptionsSpec): KpiOptions {
  const groupBy = spec.groupBy ?? 'agent';
  if (!isKpiGrouping(groupBy)) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--by must be one of ${kpiGroupings.join(', ')}, got "${groupBy}"`);
  }
  const serviceLevelS = Number(spec.serviceLevelS ?? defaultServiceLevelS);
  if (!Number.isFinite(serviceLevelS) || serviceLevelS <= 0) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--service-level-s must be a positive number of seconds, got "${String(spec.serviceLevelS)}"`);
  }
  return Object.freeze({ groupBy, since: resolveSince(spec.since), serviceLevelS });
}
