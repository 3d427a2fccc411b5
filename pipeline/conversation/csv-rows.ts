/**
 * RFC 4180 rows: quoted fields may hold the delimiter, doubled quotes and line breaks (a chat
 * message often spans lines). The delimiter is the header line's comma, semicolon or tab:
 * spreadsheets in Russian and Hungarian locales save with semicolons.
 */
export interface CsvRow {
  /** 1-based line the row starts on, for error messages. */
  line: number;
  cells: string[];
}

export function sniffDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

/** Splits CSV text into rows; blank lines are skipped. Returns null for a quote left open at the end. */
export function readCsvRows(text: string, delimiter: string): CsvRow[] | null {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (character === '\n') line += 1;
    if (quoted) {
      if (character !== '"') cell += character;
      else if (text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else quoted = false;
    } else if (character === '"' && cell === '') {
      quoted = true;
    } else if (character === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (character === '\n') {
      endRow();
      rowLine = line;
    } else if (character !== '\r') {
      cell += character;
    }
  }
  if (quoted) return null;
  endRow();
  return rows;
}
