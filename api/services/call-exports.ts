/**
 * Call lists as files: CSV for spreadsheets, Arrow IPC for notebooks (pandas, polars, DuckDB
 * read it without parsing). One column table, as data, drives both encoders and their types.
 */
import { Bool, Field, Float64, Int32, List, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import type { CallSummary } from '../schemas/call-summary.ts';

type ColumnKind = 'text' | 'number' | 'integer' | 'boolean' | 'timestamp' | 'text-list';

const exportColumns: readonly { name: keyof CallSummary; kind: ColumnKind }[] = [
  { name: 'call_id', kind: 'text' },
  { name: 'file_name', kind: 'text' },
  { name: 'first_analysed_at', kind: 'timestamp' },
  { name: 'analysed_at', kind: 'timestamp' },
  { name: 'duration_s', kind: 'number' },
  { name: 'channels', kind: 'integer' },
  { name: 'language', kind: 'text' },
  { name: 'agent_id', kind: 'text' },
  { name: 'started_at', kind: 'text' },
  { name: 'queue', kind: 'text' },
  { name: 'direction', kind: 'text' },
  { name: 'channel', kind: 'text' },
  { name: 'score', kind: 'number' },
  { name: 'machine_score', kind: 'number' },
  { name: 'score_overridden', kind: 'boolean' },
  { name: 'failed_rules', kind: 'text-list' },
  { name: 'uncertain_rules', kind: 'text-list' },
  { name: 'needs_review', kind: 'boolean' },
];

const arrowTypes: Record<ColumnKind, () => DataType> = {
  text: () => new Utf8(),
  number: () => new Float64(),
  integer: () => new Int32(),
  boolean: () => new Bool(),
  timestamp: () => new TimestampMillisecond('UTC'),
  'text-list': () => new List(new Field('item', new Utf8(), true)),
};

/** A cell as CSV text. Text that a spreadsheet would run as a formula gets a leading quote. */
function csvCell(value: CallSummary[keyof CallSummary], kind: ColumnKind): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  const defused = (kind === 'text' || kind === 'text-list') && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(rows: readonly CallSummary[]): string {
  const header = exportColumns.map((column) => column.name).join(',');
  const lines = rows.map((row) => exportColumns.map((column) => csvCell(row[column.name], column.kind)).join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}

/** An Arrow IPC file (the `.arrow` format) with one typed column per export column. */
export function toArrowIpc(rows: readonly CallSummary[]): Uint8Array {
  const columns = Object.fromEntries(
    exportColumns.map(({ name, kind }) => {
      const values = rows.map((row) => (kind === 'timestamp' ? Date.parse(row[name] as string) : row[name]));
      return [name, vectorFromArray(values, arrowTypes[kind]())];
    }),
  );
  return tableToIPC(new Table(columns), 'file');
}
