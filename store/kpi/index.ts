export { findKpis, type KpiRow } from './find-kpis.ts';
export { resolveKpiOptions, resolveSince, kpiGroupings, defaultServiceLevelS, type KpiGrouping, type KpiOptions, type KpiOptionsSpec } from './kpi-options.ts';
export { formatKpiTable } from './kpi-table.ts';
export { refreshKpiFactsIfStale } from './refresh-kpi-facts.ts';
