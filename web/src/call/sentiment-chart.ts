/**
 * Sentiment through the call, one line per party (-1 negative … +1 positive): from the call's
 * `sentiment` trajectories when the analysis made them, else from the utterances' own scores.
 * With agent sentiment off for the deployment (`sentiment.agent` null) only the customer's line
 * is drawn: an empty agent line would read as "the agent was neutral". A click seeks to that moment.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { CallResult } from '../../../pipeline/result/call-result.ts';
import { emptyState, h } from '../dom.ts';
import { formatClock } from '../format.ts';
import type { Player } from './player.ts';

type Points = { time: number; score: number }[];

function sentimentPoints(result: CallResult): { agent: Points | null; customer: Points } {
  const midpoint = (span: { start: number; end: number }) => (span.start + span.end) / 2;
  if (result.sentiment) {
    const points = (trajectory: NonNullable<CallResult['sentiment']>['customer']['trajectory']) => trajectory.map((window) => ({ time: midpoint(window), score: window.score }));
    const { agent, customer } = result.sentiment;
    return { agent: agent ? points(agent.trajectory) : null, customer: points(customer.trajectory) };
  }
  const byParty = (party: 'agent' | 'customer') => result.utterances.flatMap((utterance) =>
    utterance.party === party && utterance.sentiment ? [{ time: midpoint(utterance), score: utterance.sentiment.score }] : []);
  return { agent: byParty('agent'), customer: byParty('customer') };
}

/** uPlot wants one shared x array; a party silent at a time gets null there (the line spans it). */
function alignedSeries(lines: readonly Points[]): uPlot.AlignedData {
  const times = [...new Set(lines.flat().map((point) => point.time))].sort((left, right) => left - right);
  const at = (points: Points) => times.map((time) => points.find((point) => point.time === time)?.score ?? null);
  return [times, ...lines.map(at)];
}

export function sentimentChart(result: CallResult, player: Player, width: number): HTMLElement {
  const points = sentimentPoints(result);
  const section = h('section', { class: 'card sentiment', 'aria-labelledby': 'sentiment-title' }, [h('h2', { id: 'sentiment-title' }, ['Sentiment'])]);
  if ((points.agent?.length ?? 0) + points.customer.length === 0) {
    section.append(emptyState('No sentiment scores', 'Install the sentiment model (callqa models pull sentiment-multilingual) and re-analyse to see how the call felt.'));
    return section;
  }
  const agentLine = points.agent && { points: points.agent, series: { label: 'Agent', stroke: '#3867d6', width: 2, spanGaps: true, points: { size: 5 } } };
  const lines = [...(agentLine ? [agentLine] : []), { points: points.customer, series: { label: 'Customer', stroke: '#20a39e', width: 2, spanGaps: true, points: { size: 5 } } }];
  const chartSlot = h('div', { class: 'chart', role: 'img', 'aria-label': agentLine ? 'Sentiment of agent and customer over the call' : 'Sentiment of the customer over the call' });
  section.append(chartSlot);
  const chart = new uPlot({
    width, height: 180,
    scales: { x: { time: false }, y: { range: [-1, 1] } },
    axes: [{ values: (_chart, ticks) => ticks.map((tick) => formatClock(tick)) }, { values: (_chart, ticks) => ticks.map((tick) => tick.toFixed(1)) }],
    series: [
      { label: 'time', value: (_chart, value) => (value === null ? '—' : formatClock(value)) },
      ...lines.map((line) => line.series),
    ],
  }, alignedSeries(lines.map((line) => line.points)), chartSlot);
  chart.over.addEventListener('click', () => {
    if (chart.cursor.left !== undefined && chart.cursor.left >= 0) player.seek(Math.max(0, chart.posToVal(chart.cursor.left, 'x')));
  });
  return section;
}
