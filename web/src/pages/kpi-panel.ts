/**
 * The contact-centre KPIs per agent for the latest day, week or month that has contacts (GET
 * /kpis), as one compact table: an archive analysed today still shows the period its calls took
 * place in. Figures need CDRs (service level, FCR) or recordings (hold, etiquette):
 * a figure with nothing to compute it from reads "not available" rather than a misleading 0.
 */
import { getJson } from '../api-client.ts';
import type { KpiRow } from '../api-types.ts';
import { emptyState, h, loadInto } from '../dom.ts';
import { formatClock, formatDate, formatNumber, formatPercent, formatScore } from '../format.ts';

export type DashboardPeriod = 'day' | 'week' | 'month';

/** The first day of the current UTC day, ISO week (Monday) or month, as YYYY-MM-DD. */
export function currentPeriodStart(period: DashboardPeriod, now: Date): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (period === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (period === 'month') start.setUTCDate(1);
  return start.toISOString().slice(0, 10);
}

type KpiFigure = (row: KpiRow) => number | null;

const columns: ReadonlyArray<readonly [title: string, figure: KpiFigure, format: (value: number) => string]> = [
  ['Calls', (row) => row.contacts, String],
  ['Service level', (row) => row.service_level_ratio, formatPercent],
  ['AHT', (row) => row.avg_handle_s, (seconds) => formatClock(seconds)],
  ['Hold', (row) => row.avg_hold_s, (seconds) => formatClock(seconds)],
  ['Transfers', (row) => row.transfer_ratio, formatPercent],
  ['FCR', (row) => row.first_contact_resolution_ratio, formatPercent],
  ['Interrupts/call', (row) => row.interruptions_by_agent_per_call, (value) => formatNumber(value)],
  ['Holds w/o consent', (row) => row.holds_without_consent_ratio, formatPercent],
  ['Etiquette', (row) => row.etiquette_score_avg, formatScore],
];

function figureCell(value: number | null, format: (value: number) => string): HTMLElement {
  if (value === null) return h('td', { class: 'number not-available' }, ['not available']);
  return h('td', { class: 'number' }, [format(value)]);
}

function kpiTable(rows: readonly KpiRow[], since: string): HTMLElement {
  return h('table', { class: 'kpis' }, [
    h('caption', {}, [`Since ${formatDate(since)}; AHT and hold in m:ss, per contact`]),
    h('thead', {}, [h('tr', {}, ['Agent', ...columns.map(([title]) => title)].map((title) => h('th', { scope: 'col' }, [title])))]),
    h('tbody', {}, rows.map((row) => h('tr', {}, [
      h('th', { scope: 'row' }, [row.group_key ?? 'No agent']),
      ...columns.map(([, figure, format]) => figureCell(figure(row), format)),
    ]))),
  ]);
}

/** The start of the latest `period` with contacts, or of the current one when there are none. */
async function latestPeriodStart(period: DashboardPeriod, signal: AbortSignal): Promise<string> {
  const days = await getJson<KpiRow[]>('/kpis', { by: 'day' }, signal);
  const latestDay = days.map((row) => row.group_key ?? '').filter(Boolean).sort().at(-1);
  return currentPeriodStart(period, latestDay ? new Date(`${latestDay}T00:00:00Z`) : new Date());
}

/** A card that loads and shows the KPIs per agent for the latest `period` with contacts. */
export function kpiPanel(period: DashboardPeriod, signal: AbortSignal): HTMLElement {
  const slot = h('div', {});
  const title = h('h2', { id: 'kpis-title' }, [`KPIs by ${period}`]);
  void loadInto(slot, 'KPIs', async () => {
    const since = await latestPeriodStart(period, signal);
    title.textContent = since === currentPeriodStart(period, new Date()) ? `KPIs this ${period}` : `KPIs, the ${period} from ${formatDate(since)}`;
    return { since, rows: await getJson<KpiRow[]>('/kpis', { by: 'agent', since }, signal) };
  }, ({ since, rows }) =>
    rows.length === 0 ? emptyState(`No contacts this ${period}`, 'KPIs appear once calls are analysed or CDRs imported for the period.') : kpiTable(rows, since));
  return h('section', { class: 'card kpi-panel', 'aria-labelledby': 'kpis-title' }, [title, slot]);
}
