/**
 * The analyst notebooks, executed headless in Jupyter's Deno kernel against a database built from
 * the samples and their call-detail records (`run-notebooks.ts`). Skipped only where jupyter or
 * deno is not installed; .ci/run installs both, so CI always runs it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNotebookTools, listNotebooks, notebooksDir, runNotebooks } from './run-notebooks.ts';

const tools = findNotebookTools();
const missing = [tools.jupyter === null ? 'jupyter' : null, tools.deno === null ? 'deno' : null].filter((tool) => tool !== null);

describe('notebooks', () => {
  it('are committed with their outputs cleared', async () => {
    const notebooks = await listNotebooks();
    expect(notebooks.length).toBeGreaterThanOrEqual(3);
    for (const notebook of notebooks) {
      const { cells } = JSON.parse(await readFile(path.join(notebooksDir, notebook), 'utf8')) as { cells: { cell_type: string; outputs?: unknown[]; execution_count?: number | null }[] };
      for (const cell of cells.filter((candidate) => candidate.cell_type === 'code')) {
        expect({ notebook, outputs: cell.outputs, executionCount: cell.execution_count }).toEqual({ notebook, outputs: [], executionCount: null });
      }
    }
  });

  it.skipIf(missing.length > 0)(`run headless against the sample database with every cell clean and every chart drawn${missing.length > 0 ? ` (skipped: ${missing.join(' and ')} not installed; see notebooks/README.md)` : ''}`, async () => {
    const reports = await runNotebooks();
    expect(reports.map((report) => ({ notebook: report.notebook, problems: report.problems }))).toEqual(reports.map((report) => ({ notebook: report.notebook, problems: [] })));
    for (const report of reports) expect(report.charts, report.notebook).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
