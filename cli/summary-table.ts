import path from 'node:path';
import type { CallResult, EventType } from '../pipeline/result/call-result.ts';

const columns = ['call', 'status', 'duration', 'lang', 'agent talk', 'cust. talk', 'interrupt. a/c', 'holds', 'dead air', 'score', 'note'] as const;

const seconds = (value: number | null | undefined) => (value === null || value === undefined ? '' : `${value.toFixed(1)} s`);

/** A count of events of one type, or '–' when the analysis did not look for that type. */
function countOf(result: CallResult, type: EventType, by?: 'agent' | 'customer'): string {
  if (!result.event_types_checked.includes(type)) return '–';
  return String(result.events.filter((event) => event.type === type && (!by || ('by' in event && event.by === by))).length);
}

function rowOf(result: CallResult): string[] {
  if (result.status === 'error') return [path.basename(result.source), 'error', '', '', '', '', '', '', '', '', result.error?.code ?? ''];
  return [
    path.basename(result.source),
    result.status,
    seconds(result.duration_s),
    result.language ?? '',
    seconds(result.parties?.agent.talk_s),
    seconds(result.parties?.customer.talk_s),
    `${countOf(result, 'interruption', 'agent')}/${countOf(result, 'interruption', 'customer')}`,
    countOf(result, 'hold'),
    countOf(result, 'dead_air'),
    result.score === null ? '' : result.score.toFixed(0),
    result.channels === 1 ? 'mono' : '',
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
