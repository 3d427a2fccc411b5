import path from 'node:path';
import type { CallResult, EventType } from '../pipeline/result/call-result.ts';

const columns = ['call', 'status', 'channel', 'duration', 'lang', 'agent talk', 'cust. talk', 'interrupt. a/c', 'holds', 'dead air', 'score', 'note'] as const;

const seconds = (value: number | null | undefined) => (value === null || value === undefined ? '' : `${value.toFixed(1)} s`);

/** A conversation lasts from minutes (chat) to days (e-mail): its span in the unit that reads. */
function span(value: number | null): string {
  if (value === null) return '';
  if (value < 120) return seconds(value);
  if (value < 7200) return `${(value / 60).toFixed(1)} min`;
  return value < 172_800 ? `${(value / 3600).toFixed(1)} h` : `${(value / 86_400).toFixed(1)} d`;
}

/** A count of events of one type, or '–' when the analysis did not look for that type. */
function countOf(result: CallResult, type: EventType, by?: 'agent' | 'customer'): string {
  if (!result.event_types_checked.includes(type)) return '–';
  return String(result.events.filter((event) => event.type === type && (!by || ('by' in event && event.by === by))).length);
}

function rowOf(result: CallResult): string[] {
  if (result.status === 'error') return [path.basename(result.source), 'error', '', '', '', '', '', '', '', '', '', result.error?.code ?? ''];
  const channel = result.channel ?? 'voice';
  const written = channel !== 'voice';
  return [
    path.basename(result.source),
    result.status,
    channel,
    written ? span(result.duration_s) : seconds(result.duration_s),
    result.language ?? '',
    seconds(result.parties?.agent.talk_s),
    seconds(result.parties?.customer.talk_s),
    `${countOf(result, 'interruption', 'agent')}/${countOf(result, 'interruption', 'customer')}`,
    countOf(result, 'hold'),
    countOf(result, 'dead_air'),
    result.score === null ? '' : result.score.toFixed(0),
    written ? `${result.utterances.length} messages` : result.channels === 1 ? 'mono' : '',
  ];
}

/** Rows of cells as left-aligned columns two spaces apart, the first row being the header. */
export function formatTextTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n') + '\n';
}

/** A plain-text table of a batch, for people; machines use --json. */
export function formatSummaryTable(results: readonly CallResult[]): string {
  return formatTextTable([Array.from(columns), ...results.map(rowOf)]);
}
