/**
 * Tables and charts as Jupyter outputs. Each `show…` function sends one MIME bundle through the
 * Deno kernel's `Deno.jupyter.display` and waits for it: a cell's last value (execute_result)
 * can reach the front end after the kernel already reported the cell finished, and headless
 * `nbconvert --execute` then drops it. Outside a notebook (plain Deno or Node) the text form is
 * printed. Charts are Observable Plot drawn server-side into linkedom's DOM, so they are plain
 * SVG in the saved notebook: they render in JupyterLab, VS Code, nbconvert's HTML and GitHub
 * without any JavaScript.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

type MimeBundle = Record<string, string>;

interface JupyterNamespace {
  display(bundle: MimeBundle, options: { raw: true }): Promise<void>;
}

// Typed by hand rather than with Deno's types, so this module also type-checks under tsc.
const jupyter = (globalThis as { Deno?: { jupyter?: JupyterNamespace } }).Deno?.jupyter;

/**
 * How long a cell lingers after sending output. Deno's `display` resolves when the message is
 * queued, not sent; on a loaded machine the kernel's "idle" status could still overtake it and
 * nbconvert would save the cell without its output (seen in about one run in three).
 */
const flushDelayMs = 250;

async function show(bundle: MimeBundle): Promise<void> {
  if (!jupyter) {
    console.log(bundle['text/plain']);
    return;
  }
  await jupyter.display(bundle, { raw: true });
  await new Promise((resolve) => setTimeout(resolve, flushDelayMs));
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Cell = string | number | boolean | null | undefined;

/** Formatters for table cells. */
export const format = {
  /** 0.25 → "25 %"; null (an empty denominator) → "–", as `callqa kpi` prints it. */
  percent: (share: Cell) => (typeof share === 'number' ? `${Math.round(share * 100)} %` : '–'),
  seconds: (seconds: Cell) => (typeof seconds === 'number' ? `${seconds.toFixed(1)} s` : '–'),
  decimal: (value: Cell) => (typeof value === 'number' ? value.toFixed(1) : '–'),
  yesNo: (value: Cell) => (value === true ? 'yes' : value === false ? 'no' : '–'),
};

export interface TableOptions<Row> {
  caption?: string;
  /** Column key → header; default: every key of the first row, as is. */
  columns?: Partial<Record<keyof Row & string, string>>;
  /** Column key → how to print its cells; default: `String`, with null as "–". */
  formats?: Partial<Record<keyof Row & string, (value: Cell) => string>>;
}

/** An HTML table (with a fixed-width text form for consoles and logs). */
export function showTable<Row extends object>(rows: readonly Row[], options: TableOptions<Row> = {}): Promise<void> {
  const keys = (options.columns ? Object.keys(options.columns) : Object.keys(rows[0] ?? {})) as (keyof Row & string)[];
  const headers = keys.map((key) => options.columns?.[key] ?? key);
  const cells = rows.map((row) =>
    keys.map((key) => {
      const value = (row as Record<string, Cell>)[key];
      const formatter = options.formats?.[key];
      return formatter ? formatter(value) : value === null || value === undefined ? '–' : String(value);
    }),
  );
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  const html = rows.length === 0
    ? `<p><em>${escapeHtml(options.caption ?? 'table')}: no rows</em></p>`
    : `<table>${caption}<thead><tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead><tbody>${cells
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((row) => row[column]?.length ?? 0)));
  const line = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const text = [options.caption ?? '', line(headers), ...cells.map(line)].filter((part) => part !== '').join('\n');
  return show({ 'text/html': html, 'text/plain': rows.length === 0 ? `${options.caption ?? 'table'}: no rows` : text });
}

/** Markdown text computed from the data (a cell's conclusions). */
export function showMarkdown(text: string): Promise<void> {
  return show({ 'text/markdown': text, 'text/plain': text });
}

/**
 * An Observable Plot chart as SVG. `data` is what the marks draw: a chart of nothing is an
 * error, not an empty frame, so a query that silently stopped matching fails the notebook run.
 */
export function showChart(caption: string, data: readonly unknown[], options: Plot.PlotOptions): Promise<void> {
  if (data.length === 0) throw new Error(`chart "${caption}" has no data to draw`);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  // linkedom's document stands in for the browser's; the DOM types are not in this project's lib.
  const root = Plot.plot({ ...options, ariaLabel: caption, document: document as never }) as unknown as { tagName: string; outerHTML: string; setAttribute(name: string, value: string): void };
  if (root.tagName.toLowerCase() === 'svg') {
    // Jupyter front ends show image/svg+xml through <img>, which needs the namespace declared.
    root.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    return show({ 'image/svg+xml': root.outerHTML, 'text/plain': `[chart: ${caption}]` });
  }
  // A chart with a legend is an HTML <figure> around the SVG.
  return show({ 'text/html': root.outerHTML, 'text/plain': `[chart: ${caption}]` });
}
