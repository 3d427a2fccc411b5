import type { KpiRow } from './find-kpis.ts';

type KpiColumn = Exclude<keyof KpiRow, 'group_key'>;

/** Column headings short enough for a terminal; ratios print as percentages. */
const tableColumns: ReadonlyArray<readonly [KpiColumn, string, 'count' | 'ratio' | 'seconds' | 'number']> = [
  ['contacts', 'contacts', 'count'],
  ['offered_calls', 'offered', 'count'],
  ['service_level_ratio', 'SL', 'ratio'],
  ['abandonment_ratio', 'aband', 'ratio'],
  ['avg_speed_of_answer_s', 'ASA s', 'seconds'],
  ['avg_talk_s', 'talk s', 'seconds'],
  ['avg_hold_s', 'hold s', 'seconds'],
  ['avg_acw_s', 'ACW s', 'seconds'],
  ['avg_handle_s', 'AHT s', 'seconds'],
  ['transfer_ratio', 'xfer', 'ratio'],
  ['first_contact_resolution_ratio', 'FCR', 'ratio'],
  ['ivr_containment_ratio', 'IVR', 'ratio'],
  ['interruptions_by_agent_per_call', 'interr', 'number'],
  ['holds_without_consent_ratio', 'hold!ok', 'ratio'],
  ['dead_air_s_per_call', 'dead s', 'seconds'],
  ['etiquette_score_avg', 'score', 'number'],
];

function formatCell(value: number | null, kind: 'count' | 'ratio' | 'seconds' | 'number'): string {
  if (value === null) return '–';
  if (kind === 'count') return String(value);
  if (kind === 'ratio') return `${(value * 100).toFixed(1)}%`;
  return value.toFixed(kind === 'seconds' ? 0 : 1);
}

/** KPI rows as a plain-text table, one line per group, headed by the grouping's name. */
export function formatKpiTable(rows: readonly KpiRow[], groupHeading: string): string {
  const header = [groupHeading, ...tableColumns.map(([, heading]) => heading)];
  const body = rows.map((row) => [row.group_key ?? '(none)', ...tableColumns.map(([column, , kind]) => formatCell(row[column], kind))]);
  const widths = header.map((heading, index) => Math.max(heading.length, ...body.map((cells) => cells[index]!.length)));
  const formatLine = (cells: readonly string[]) =>
    cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  return `${[header, ...body].map(formatLine).join('\n')}\n`;
}
