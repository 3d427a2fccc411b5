/**
 * The call's conversation metrics per party (pipeline/metrics/README.md has the definitions):
 * talk speed, monologues, loudness and pitch as a table, raised-voice spans as buttons that
 * jump to them, non-talk time beside the exact dead air and holds, and the loudness and pitch
 * of each party over the call as two small charts (a click seeks). Figures, not emotion labels.
 */
import uPlot from 'uplot';
import type { CallResult, PartyMetrics } from '../../../pipeline/result/call-result.ts';
import { emptyState, h } from '../dom.ts';
import { formatClock, formatNumber, formatPercent, formatSpan } from '../format.ts';
import type { Player } from './player.ts';

type ConversationMetrics = NonNullable<CallResult['metrics']>;

const partyColours: Readonly<Record<PartyMetrics['party'], string>> = { agent: '#3867d6', customer: '#20a39e', unknown: '#555' };
const partyNames: Readonly<Record<PartyMetrics['party'], string>> = { agent: 'Agent', customer: 'Customer', unknown: 'Speaker' };

function speedText(speed: PartyMetrics['talk_speed']): string {
  const rate = speed.words_per_minute !== null ? `${formatNumber(speed.words_per_minute, 0)} wpm` : `${formatNumber(speed.syllables_per_s)} syll/s`;
  return speed.too_fast ? `${rate} (too fast)` : rate;
}

const rows: readonly [string, (party: PartyMetrics) => string][] = [
  ['Speech', (party) => formatClock(party.speech_s)],
  ['Talk speed', (party) => speedText(party.talk_speed)],
  ['Spoken fast', (party) => formatPercent(party.talk_speed.fast_share)],
  ['Longest monologue', (party) => (party.monologue ? `${formatNumber(party.monologue.longest_s, 0)} s` : '—')],
  ['In long monologues', (party) => (party.monologue ? `${formatPercent(party.monologue.call_share)} (≥ ${party.monologue.threshold_s} s)` : '—')],
  ['Loudness', (party) => (party.loudness.speech_dbfs === null ? '—' : `${formatNumber(party.loudness.speech_dbfs)} dBFS`)],
  ['Pitch, median', (party) => (party.pitch.median_hz === null ? '—' : `${party.pitch.median_hz} Hz`)],
  ['Pitch range', (party) => (party.pitch.range_st === null ? '—' : `${formatNumber(party.pitch.range_st)} st`)],
  ['Monotony (F0 s.d.)', (party) => (party.pitch.monotony_st === null ? '—' : `${formatNumber(party.pitch.monotony_st)} st`)],
];

function seriesChart(label: string, metrics: ConversationMetrics, values: (party: PartyMetrics) => (number | null)[], player: Player, width: number): HTMLElement {
  const slot = h('div', { class: 'chart', role: 'img', 'aria-label': `${label} of each party over the call` });
  const times = (metrics.parties[0] ? values(metrics.parties[0]) : []).map((_, window) => (window + 0.5) * metrics.window_s);
  const chart = new uPlot({
    width, height: 120,
    scales: { x: { time: false } },
    axes: [{ values: (_chart, ticks) => ticks.map((tick) => formatClock(tick)) }, { label }],
    series: [
      { label: 'time', value: (_chart, value) => (value === null ? '—' : formatClock(value)) },
      ...metrics.parties.map((party) => ({ label: partyNames[party.party], stroke: partyColours[party.party], width: 1.5 })),
    ],
  }, [times, ...metrics.parties.map(values)], slot);
  chart.over.addEventListener('click', () => {
    if (chart.cursor.left !== undefined && chart.cursor.left >= 0) player.seek(Math.max(0, chart.posToVal(chart.cursor.left, 'x')));
  });
  return slot;
}

export function metricsPanel(result: CallResult, player: Player, width: number): HTMLElement {
  const section = h('section', { class: 'card metrics', 'aria-labelledby': 'metrics-title' }, [h('h2', { id: 'metrics-title' }, ['Conversation metrics'])]);
  const metrics = result.metrics;
  if (!metrics) {
    section.append(emptyState('No conversation metrics', 'This call was analysed before talk speed, monologues, loudness and pitch were measured; re-analyse it to see them.'));
    return section;
  }
  const { parties, non_talk: nonTalk } = metrics;
  const raised = parties.flatMap((party) => party.loudness.raised_voice.map((span) => ({ party, span })));
  section.append(
    h('table', { class: 'metrics-table' }, [
      h('thead', {}, [h('tr', {}, [h('th', {}, ['']), ...parties.map((party) => h('th', { scope: 'col' }, [partyNames[party.party]]))])]),
      h('tbody', {}, rows.map(([name, value]) => h('tr', {}, [h('th', { scope: 'row' }, [name]), ...parties.map((party) => h('td', {}, [value(party)]))]))),
    ]),
    h('p', { class: 'non-talk' }, [
      `Non-talk (gaps ≥ ${nonTalk.min_gap_s} s): ${formatClock(nonTalk.total_s)} in ${nonTalk.count} (${formatPercent(nonTalk.call_share)}); `,
      `dead air ${formatClock(nonTalk.dead_air_s)}, holds ${formatClock(nonTalk.hold_s)}`,
    ]),
    raised.length === 0 ? h('p', {}, ['No raised voice.']) : h('ul', { class: 'event-list' }, raised.map(({ party, span }) =>
      h('li', {}, [h('button', { type: 'button', class: 'event', 'data-event-type': 'raised_voice', onclick: () => player.seek(span.start) }, [
        h('strong', {}, [`${partyNames[party.party]} raised voice`]), ' ', h('span', { class: 'time' }, [formatSpan(span.start, span.end)]),
        h('span', { class: 'details' }, [`+${formatNumber(span.rise_db)} dB over own baseline`]),
      ])]))),
    seriesChart('dBFS', metrics, (party) => party.loudness.series_dbfs, player, width),
    seriesChart('Hz', metrics, (party) => party.pitch.series_hz, player, width),
  );
  return section;
}
