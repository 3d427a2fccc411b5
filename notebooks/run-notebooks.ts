/**
 * Executes the analyst notebooks headless and checks what they produced.
 *
 *   npx tsx notebooks/run-notebooks.ts [--db FILE] [--out DIR] [NAME.ipynb …]
 *
 * Without `--db` it first builds a database from the bundled samples (`callqa analyze
 * samples/calls`, then `callqa import-cdr notebooks/fixtures/sample-cdr.csv`, which gives the
 * calls agents, queues and contact dates). Each notebook runs in Jupyter's Deno kernel through
 * `jupyter nbconvert --execute`; the executed copies land in `--out` (default: a temporary
 * folder). The run fails when a cell raised, wrote to stderr or never ran, or when a cell tagged
 * `chart` has no SVG among its outputs.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const notebooksDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(notebooksDir);
const sampleCdrFile = path.join(notebooksDir, 'fixtures', 'sample-cdr.csv');
/** A cell's limit; the sample database answers every query in milliseconds. */
const cellTimeoutS = 180;

export interface NotebookTools {
  jupyter: string | null;
  deno: string | null;
}

function onPath(command: string): string | null {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(folder, command);
    if (folder !== '' && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Jupyter (Debian's jupyter-nbconvert) and Deno (the `deno` npm package, else one on PATH). */
export function findNotebookTools(): NotebookTools {
  const localDeno = path.join(repoRoot, 'node_modules', '.bin', 'deno');
  return { jupyter: onPath('jupyter'), deno: existsSync(localDeno) ? localDeno : onPath('deno') };
}

export interface NotebookReport {
  notebook: string;
  executedFile: string;
  seconds: number;
  codeCells: number;
  charts: number;
  problems: string[];
}

interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
  data?: Record<string, string | string[]>;
}

interface NotebookCell {
  cell_type: string;
  source: string | string[];
  execution_count?: number | null;
  metadata: { tags?: string[] };
  outputs?: NotebookOutput[];
}

const joined = (text: string | string[] | undefined) => (Array.isArray(text) ? text.join('') : (text ?? ''));

const hasSvg = (output: NotebookOutput) =>
  ['image/svg+xml', 'text/html'].some((mime) => joined(output.data?.[mime]).includes('<svg'));

/** What is wrong with an executed notebook; empty when every cell ran cleanly and every chart is drawn. */
export function checkExecutedNotebook(cells: readonly NotebookCell[]): { problems: string[]; codeCells: number; charts: number } {
  const problems: string[] = [];
  const codeCells = cells.filter((cell) => cell.cell_type === 'code');
  let charts = 0;
  codeCells.forEach((cell, index) => {
    const where = `code cell ${index + 1}`;
    const outputs = cell.outputs ?? [];
    if (cell.execution_count === null || cell.execution_count === undefined) problems.push(`${where} did not run`);
    for (const output of outputs) {
      if (output.output_type === 'error') problems.push(`${where} raised ${output.ename ?? 'an error'}: ${output.evalue ?? ''}`);
      if (output.output_type === 'stream' && output.name === 'stderr') problems.push(`${where} wrote to stderr: ${joined(output.text).trim()}`);
    }
    // A kernel can report a cell finished before its output arrives; nbconvert then saves none.
    if (joined(cell.source).includes('await show') && outputs.length === 0) problems.push(`${where} shows something but its output is missing`);
    if (cell.metadata.tags?.includes('chart')) {
      if (outputs.some(hasSvg)) charts += 1;
      else problems.push(`${where} is tagged "chart" but drew no SVG`);
    }
  });
  if (charts === 0 && problems.length === 0) problems.push('no cell tagged "chart": every notebook shows at least one chart');
  return { problems, codeCells: codeCells.length, charts };
}

/** A database from the bundled samples with their call-detail records, as CI and the README build it. */
export async function buildSampleDatabase(folder: string): Promise<string> {
  const databaseFile = path.join(folder, 'callqa.duckdb');
  const callqa = [path.join(repoRoot, 'bin', 'callqa.js')];
  await run(process.execPath, [...callqa, 'analyze', path.join(repoRoot, 'samples', 'calls'), '--db', databaseFile], { cwd: repoRoot, maxBuffer: 16 << 20 });
  await run(process.execPath, [...callqa, 'import-cdr', sampleCdrFile, '--db', databaseFile], { cwd: repoRoot });
  return databaseFile;
}

/**
 * Registers the Deno kernel in a private Jupyter data folder instead of the user's, so a run
 * uses this checkout's deno and leaves the machine's Jupyter set-up alone.
 */
async function writeDenoKernelSpec(jupyterPath: string, deno: string): Promise<void> {
  const kernelDir = path.join(jupyterPath, 'kernels', 'deno');
  await mkdir(kernelDir, { recursive: true });
  const spec = { argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'], display_name: 'Deno', language: 'typescript' };
  await writeFile(path.join(kernelDir, 'kernel.json'), `${JSON.stringify(spec, null, 2)}\n`);
}

export async function listNotebooks(): Promise<string[]> {
  return (await readdir(notebooksDir)).filter((name) => name.endsWith('.ipynb')).sort();
}

export interface RunOptions {
  /** An existing database; default: build one from the samples. */
  databaseFile?: string;
  /** Where the executed notebooks go; default: a temporary folder. */
  outDir?: string;
  /** File names under notebooks/; default: all. */
  notebooks?: string[];
}

export async function runNotebooks(options: RunOptions = {}): Promise<NotebookReport[]> {
  const tools = findNotebookTools();
  if (tools.jupyter === null || tools.deno === null) {
    throw new Error(`cannot run notebooks: ${tools.jupyter === null ? 'jupyter (apt-get install jupyter-nbconvert jupyter-client python3-ipykernel)' : ''}${tools.jupyter === null && tools.deno === null ? ' and ' : ''}${tools.deno === null ? 'deno (npm ci installs it)' : ''} not found`);
  }
  const workDir = await mkdtemp(path.join(tmpdir(), 'callqa-notebooks-'));
  const databaseFile = options.databaseFile ?? (await buildSampleDatabase(workDir));
  const outDir = options.outDir ?? path.join(workDir, 'executed');
  await mkdir(outDir, { recursive: true });
  const jupyterPath = path.join(workDir, 'jupyter');
  await writeDenoKernelSpec(jupyterPath, tools.deno);
  const env = {
    ...process.env,
    CALLQA_DB: path.resolve(databaseFile),
    JUPYTER_PATH: jupyterPath,
    // Deno colours console.log output for terminals; in a saved notebook the codes are noise.
    NO_COLOR: '1',
  };
  const jupyter = tools.jupyter;
  const notebooks = options.notebooks ?? (await listNotebooks());
  // In parallel: each is its own kernel process and the database is opened read-only.
  return Promise.all(
    notebooks.map(async (notebook): Promise<NotebookReport> => {
      const executedFile = path.join(outDir, notebook);
      const started = performance.now();
      const problems: string[] = [];
      try {
        await run(jupyter, ['nbconvert', '--to', 'notebook', '--execute', `--ExecutePreprocessor.timeout=${cellTimeoutS}`, '--output-dir', outDir, '--output', notebook, path.join(notebooksDir, notebook)], { env, cwd: notebooksDir, maxBuffer: 16 << 20 });
      } catch (error) {
        // nbconvert stops at the first failing cell and still writes nothing; its stderr says why.
        const stderr = (error as { stderr?: string }).stderr ?? String(error);
        problems.push(`nbconvert failed: ${stderr.split('\n').filter((line) => !/Debugger warning|frozen modules|PYDEVD|Note: Debugging|^\s*$/.test(line)).slice(-25).join('\n')}`);
      }
      const seconds = (performance.now() - started) / 1000;
      if (!existsSync(executedFile)) return { notebook, executedFile, seconds, codeCells: 0, charts: 0, problems };
      const executed = JSON.parse(await readFile(executedFile, 'utf8')) as { cells: NotebookCell[] };
      const check = checkExecutedNotebook(executed.cells);
      return { notebook, executedFile, seconds, codeCells: check.codeCells, charts: check.charts, problems: [...problems, ...check.problems] };
    }),
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const valueOf = (flag: string) => {
    const index = args.indexOf(flag);
    if (index === -1) return undefined;
    const value = args[index + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    args.splice(index, 2);
    return value;
  };
  const databaseFile = valueOf('--db');
  const outDir = valueOf('--out');
  const started = performance.now();
  const reports = await runNotebooks({ databaseFile, outDir, notebooks: args.length > 0 ? args.map((arg) => path.basename(arg)) : undefined });
  for (const report of reports) {
    const verdict = report.problems.length === 0 ? 'ok' : 'FAILED';
    console.log(`${report.notebook}: ${verdict} · ${report.codeCells} code cells, ${report.charts} charts · ${report.seconds.toFixed(1)} s · ${report.executedFile}`);
    for (const problem of report.problems) console.log(`  - ${problem}`);
  }
  console.log(`${reports.length} notebooks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return reports.every((report) => report.problems.length === 0) ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
