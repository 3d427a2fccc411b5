import type { Store } from '../index.ts';
import type { KpiOptions } from './kpi-options.ts';
import { refreshKpiFactsIfStale } from './refresh-kpi-facts.ts';

/** One group's KPIs; ratios are 0–1, null where the group has nothing to divide by. */
export interface KpiRow {
  group_key: string | null;
  contacts: number;
  offered_calls: number;
  service_level_ratio: number | null;
  abandonment_ratio: number | null;
  avg_speed_of_answer_s: number | null;
  avg_talk_s: number | null;
  avg_hold_s: number | null;
  avg_acw_s: number | null;
  avg_handle_s: number | null;
  transfer_ratio: number | null;
  first_contact_resolution_ratio: number | null;
  ivr_containment_ratio: number | null;
  interruptions_by_agent_per_call: number | null;
  holds_without_consent_ratio: number | null;
  dead_air_s_per_call: number | null;
  etiquette_score_avg: number | null;
}

/** Before any contact callqa can hold; stands for "no --since". */
const allTime = '1970-01-01';

/**
 * Computes every KPI grouped as asked, from the `kpi_summary` macro of migration 0003
 * (formulas in store/kpi/README.md), first refreshing the per-contact facts if calls or
 * CDRs changed. Counts come back as numbers, not bigints.
 */
export async function findKpis(store: Store, options: KpiOptions): Promise<KpiRow[]> {
  await refreshKpiFactsIfStale(store);
  const reader = await store.connection.runAndReadAll(
    `SELECT * REPLACE (contacts::INTEGER AS contacts, offered_calls::INTEGER AS offered_calls)
     FROM kpi_summary($group_by, $since::TIMESTAMP, $service_level_s::DOUBLE)`,
    { group_by: options.groupBy, since: options.since ?? allTime, service_level_s: options.serviceLevelS },
  );
  return reader.getRowObjectsJS() as unknown as KpiRow[];
}
