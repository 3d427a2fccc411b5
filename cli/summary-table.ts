import path from 'node:path';
import type { CallResult } from '../pipeline/result/call-result.ts';

const columns = ['call', 'status', 'duration', 'ch', 'codec', 'language', 'score', 'note'] as const;

function rowOf(result: CallResult): string[] {
  const duration = result.duration_s === null ? '' : `${result.duration_s.toFixed(1)} s`;
  return [
    path.basename(result.source),
    result.status,
    duration,
    String(result.channels ?? ''),
    result.codec ?? '',
    result.language ?? '',
    result.score === null ? '' : result.score.toFixed(0),
    result.error?.code ?? '',
  ];
}

/** A plain-text table of a batch, for people; machines use --json. */
export function formatSummaryTable(results: readonly CallResult[]): string {
  const rows = [Array.from(columns), ...results.map(rowOf)];
  const widths = columns.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n') + '\n';
}
