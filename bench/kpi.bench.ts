/**
 * KPI and dashboard query speed on synthetic stores of 100 000 and 1 000 000 contacts (about
 * 83 % with an analysed recording), and the DuckDB file size per million contacts. Each query
 * runs once to warm up, then five times; the median and the fastest are reported (the fastest
 * says what the machine can do when other work shares its two cores). Target: < 200 ms each (the
 * facts refresh, paid once after calls or CDRs change, is reported apart).
 * `npx tsx bench/kpi.bench.ts [CONTACTS…]` runs it alone.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findKpis, kpiGroupings, refreshKpiFactsIfStale, resolveKpiOptions } from '../store/kpi/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { generateSyntheticCalls } from '../store/synthetic/generate-calls.ts';

const defaultSizes = [100_000, 1_000_000];
const generateBatch = 250_000;
const timedRuns = 5;

/** Dashboard-style queries a supervisor's page would run besides the KPI table. */
const dashboardQueries: Readonly<Record<string, string>> = {
  'score per day, last 30 days': `SELECT CAST(first_analysed_at AS DATE) AS day, count(*), avg(score) FROM calls
    WHERE first_analysed_at >= (SELECT max(first_analysed_at) FROM calls) - INTERVAL 30 DAY GROUP BY day ORDER BY day`,
  'agent leaderboard (score)': 'SELECT agent_id, count(*) AS calls, avg(score) AS score FROM calls GROUP BY agent_id ORDER BY score DESC LIMIT 20',
  'most-failed rules': "SELECT rule_id, count(*) AS failures FROM rule_results WHERE status = 'fail' GROUP BY rule_id ORDER BY failures DESC",
  'one agent\'s last 50 calls': "SELECT call_id, score, duration_s FROM calls WHERE agent_id = 'agent-042' ORDER BY first_analysed_at DESC LIMIT 50",
};

interface Timing {
  medianMs: number;
  minMs: number;
}

async function timeQuery(run: () => Promise<unknown>): Promise<Timing> {
  await run();
  const timesMs: number[] = [];
  for (let index = 0; index < timedRuns; index++) {
    const startedMs = performance.now();
    await run();
    timesMs.push(performance.now() - startedMs);
  }
  timesMs.sort((a, b) => a - b);
  return { medianMs: timesMs[Math.floor(timedRuns / 2)]!, minMs: timesMs[0]! };
}

async function measureStore(store: Store, contacts: number): Promise<void> {
  const report = (label: string, { medianMs, minMs }: Timing) => console.log(
    `${contacts} contacts  ${label.padEnd(44)} ${medianMs.toFixed(1).padStart(8)} ms median, ${minMs.toFixed(1).padStart(8)} ms min${medianMs >= 200 ? '  (over 200 ms target)' : ''}`);
  const refreshStartedMs = performance.now();
  await refreshKpiFactsIfStale(store);
  const refreshMs = performance.now() - refreshStartedMs;
  report('refresh kpi_contact_facts (once per change)', { medianMs: refreshMs, minMs: refreshMs });
  for (const groupBy of kpiGroupings) report(`kpi by ${groupBy}`, await timeQuery(() => findKpis(store, resolveKpiOptions({ groupBy }))));
  report('kpi by day, --since last 7 days', await timeQuery(() => findKpis(store, resolveKpiOptions({ groupBy: 'day', since: '2024-03-24' }))));
  for (const [label, sql] of Object.entries(dashboardQueries)) report(label, await timeQuery(() => store.connection.runAndReadAll(sql)));
}

/** Generates each size into a temp DuckDB file, times the queries, prints the file size. */
export async function benchKpi(sizes: readonly number[] = defaultSizes): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'callqa-kpi-bench-'));
  try {
    for (const contacts of sizes) {
      const dbPath = path.join(folder, `kpi-${contacts}.duckdb`);
      const store = await openStore(dbPath);
      const startedMs = performance.now();
      for (let firstId = 0; firstId < contacts; firstId += generateBatch) {
        await generateSyntheticCalls(store, { calls: Math.min(generateBatch, contacts - firstId), seed: 1, firstId });
      }
      await store.connection.run('CHECKPOINT');
      const sizeBytes = (await stat(dbPath)).size;
      console.log(`${contacts} contacts generated in ${((performance.now() - startedMs) / 1000).toFixed(1)} s; file ${(sizeBytes / 2 ** 20).toFixed(0)} MiB = ${((sizeBytes / 2 ** 20) * (1_000_000 / contacts)).toFixed(0)} MiB per million contacts`);
      await measureStore(store, contacts);
      store.close();
      await rm(dbPath, { force: true });
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((size) => size > 0);
  await benchKpi(sizes.length > 0 ? sizes : defaultSizes);
}
