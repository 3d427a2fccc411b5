/** One agent's mean score (left axis) and calls (right axis) per period, as a uPlot line chart. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AgentPeriodStats } from '../api-types.ts';
import { emptyState, h } from '../dom.ts';
import { formatDate, formatDayMonth } from '../format.ts';

export function agentTrendChart(agentId: string, rows: readonly AgentPeriodStats[], period: string): HTMLElement {
  const section = h('div', { class: 'trend-chart' }, [h('h2', {}, [`${agentId}: trend by ${period}`])]);
  const sorted = [...rows].sort((left, right) => left.period_start.localeCompare(right.period_start));
  if (sorted.length === 0) {
    section.append(emptyState('No periods', 'This agent has no analysed calls.'));
    return section;
  }
  const slot = h('div', { role: 'img', 'aria-label': `Mean score and calls per ${period} for ${agentId}` });
  section.append(slot);
  const times = sorted.map((row) => Date.parse(row.period_start) / 1000);
  new uPlot({
    width: 460, height: 220,
    scales: { x: { time: true }, score: { range: [0, 100] }, calls: { range: (_chart, _min, max) => [0, Math.max(1, max)] } },
    axes: [
      { space: 70, values: (_chart, ticks) => ticks.map((tick) => formatDayMonth(tick)) },
      { scale: 'score', label: 'mean score' },
      { scale: 'calls', side: 1, label: 'calls', grid: { show: false } },
    ],
    series: [
      { label: period, value: (_chart, value) => (value === null ? '—' : formatDate(new Date(value * 1000).toISOString())) },
      { label: 'Mean score', scale: 'score', stroke: '#3867d6', width: 2, points: { size: 6 } },
      { label: 'Calls', scale: 'calls', stroke: '#e69f00', width: 2, dash: [4, 4], points: { size: 5 } },
    ],
  }, [times, sorted.map((row) => row.mean_score), sorted.map((row) => row.calls)], slot);
  return section;
}
