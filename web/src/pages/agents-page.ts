/**
 * The supervisor's dashboard: each agent's latest period beside a trend chart of their mean
 * score and call count per period, and the coaching flags (rules an agent keeps failing) with
 * links to the calls to listen to; above them, the contact-centre KPIs per agent for the period.
 */
import { getJson } from '../api-client.ts';
import type { AgentPeriodStats, CoachingFlag } from '../api-types.ts';
import { emptyState, fill, h, loadInto } from '../dom.ts';
import { formatNumber, formatPercent, formatScore } from '../format.ts';
import type { Route } from '../router.ts';
import { agentTrendChart } from './agent-trend-chart.ts';
import { kpiPanel, type DashboardPeriod } from './kpi-panel.ts';

const periods = ['day', 'week', 'month'] as const satisfies readonly DashboardPeriod[];

function latestByAgent(stats: readonly AgentPeriodStats[]): AgentPeriodStats[] {
  const latest = new Map<string, AgentPeriodStats>();
  for (const row of stats) if ((latest.get(row.agent_id)?.period_start ?? '') < row.period_start) latest.set(row.agent_id, row);
  return [...latest.values()].sort((left, right) => left.agent_id.localeCompare(right.agent_id));
}

function statsTable(stats: readonly AgentPeriodStats[], period: string, chartSlot: HTMLElement): HTMLElement {
  const showTrend = (agentId: string) => fill(chartSlot, agentTrendChart(agentId, stats.filter((row) => row.agent_id === agentId), period));
  const rows = latestByAgent(stats);
  if (rows[0]) showTrend(rows[0].agent_id);
  // Holds, dead air, interruptions and raised voice are per recorded call (chats and e-mails count among the contacts only); talk speed and monologue are means over calls.
  const header = ['Agent', 'Calls', 'Mean score', 'Talk share', 'Holds', 'Dead air s', 'Interrupts', 'Words/min', 'Too fast', 'Monologue s', 'Raised voice'];
  return h('table', { class: 'agents' }, [
    h('caption', {}, [`Latest ${period} per agent`]),
    h('thead', {}, [h('tr', {}, header.map((title) => h('th', { scope: 'col' }, [title])))]),
    h('tbody', {}, rows.map((row) => h('tr', {}, [
      // The agent's name shows their trend: the row is too wide for a button column at its end.
      h('th', { scope: 'row' }, [h('button', { type: 'button', class: 'secondary small', title: 'Show trend', onclick: () => showTrend(row.agent_id) }, [row.agent_id])]),
      h('td', { class: 'number', title: `${row.contacts_by_channel.voice} calls, ${row.contacts_by_channel.chat} chats, ${row.contacts_by_channel.email} e-mail conversations` }, [row.calls]), h('td', { class: 'number' }, [formatScore(row.mean_score)]),
      h('td', { class: 'number' }, [formatPercent(row.agent_talk_share)]), h('td', { class: 'number' }, [formatNumber(row.holds_per_call)]),
      h('td', { class: 'number' }, [formatNumber(row.dead_air_s_per_call)]), h('td', { class: 'number' }, [formatNumber(row.agent_interruptions_per_call)]),
      h('td', { class: 'number' }, [formatNumber(row.agent_words_per_minute, 0)]), h('td', { class: 'number' }, [formatPercent(row.agent_too_fast_share)]),
      h('td', { class: 'number' }, [formatNumber(row.agent_longest_monologue_s, 0)]), h('td', { class: 'number' }, [formatNumber(row.agent_raised_voice_per_call)]),
    ]))),
  ]);
}

function coachingList({ flags }: { flags: CoachingFlag[] }): HTMLElement {
  if (flags.length === 0) return emptyState('No coaching flags', 'No agent fails a rule often enough over their latest calls.');
  return h('ul', { class: 'flags' }, flags.map((flag) => h('li', { class: 'flag' }, [
    h('strong', {}, [flag.agent_id]), ' fails ', h('code', {}, [flag.rule_id]),
    ` in ${flag.failed_calls} of ${flag.applicable_calls} calls (${formatPercent(flag.failure_rate)}, threshold ${formatPercent(flag.threshold)}). Listen: `,
    ...flag.example_call_ids.flatMap((callId, index) => [index ? ', ' : '', h('a', { href: `#/calls/${callId}` }, [callId])]),
  ])));
}

export function agentsPage(route: Route, signal: AbortSignal): HTMLElement {
  const period = periods.find((candidate) => candidate === route.query.get('period')) ?? 'week';
  const chartSlot = h('div', { class: 'card trend' });
  const statsSlot = h('div', { class: 'card' });
  const flagsSlot = h('div', {});
  const periodLinks = h('nav', { class: 'segmented', 'aria-label': 'Period' }, periods.map((candidate) =>
    h('a', { href: `#/agents?period=${candidate}`, 'aria-current': candidate === period ? 'true' : null }, [`By ${candidate}`])));
  void loadInto(statsSlot, 'agent figures', () => getJson<AgentPeriodStats[]>('/agents/stats', { period }, signal), (stats) =>
    stats.length === 0 ? emptyState('No agent figures yet', 'Figures appear once analysed calls carry an agent id.') : statsTable(stats, period, chartSlot));
  void loadInto(flagsSlot, 'coaching flags', () => getJson<{ flags: CoachingFlag[] }>('/agents/coaching-flags', {}, signal), coachingList);
  return h('section', { class: 'page', 'aria-labelledby': 'agents-title' }, [
    h('div', { class: 'page-head' }, [h('h1', { id: 'agents-title' }, ['Agents']), periodLinks]),
    h('div', { class: 'agents-grid' }, [statsSlot, chartSlot]),
    kpiPanel(period, signal),
    h('section', { class: 'card', 'aria-labelledby': 'flags-title' }, [h('h2', { id: 'flags-title' }, ['Coaching flags']), flagsSlot]),
  ]);
}
