/**
 * QA server latency with 10 000 calls stored: p50/p95 of the list route (plain, filtered,
 * text search, a later page) and of the detail route, over real HTTP on 127.0.0.1, one request
 * at a time, with DuckDB's default thread pool and with one thread (`duckdbThreads`). The calls
 * are synthetic rows inserted set-based into a temp DuckDB file. Target: p95 < 50 ms for each.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../api/app.ts';
import { createSerializedDb } from '../api/services/serialized-db.ts';
import { issueToken } from '../api/services/tokens.ts';
import { insertSyntheticCalls } from '../api/synthetic-calls.test-helper.ts';
import { openStore, type Store } from '../store/index.ts';

const callCount = 10_000;
const requestsPerCase = 200;

function percentile(sortedMs: readonly number[], share: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil(share * sortedMs.length) - 1)]!;
}

async function timeRequests(urls: () => string, headers: Record<string, string>): Promise<{ p50: number; p95: number; max: number; cpuMs: number }> {
  const timesMs: number[] = [];
  let cpuStart = process.cpuUsage();
  for (let index = 0; index < requestsPerCase + 10; index++) {
    if (index === 10) cpuStart = process.cpuUsage();
    const startedMs = performance.now();
    const response = await fetch(urls(), { headers });
    if (response.status !== 200) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    if (index >= 10) timesMs.push(performance.now() - startedMs); // the first ten warm caches and compilers
  }
  // CPU of this process (server, DuckDB threads and the client) per request: the cost without the queueing.
  const cpu = process.cpuUsage(cpuStart);
  timesMs.sort((a, b) => a - b);
  return { p50: percentile(timesMs, 0.5), p95: percentile(timesMs, 0.95), max: timesMs.at(-1)!, cpuMs: (cpu.user + cpu.system) / 1000 / requestsPerCase };
}

/** Times each case over HTTP against a server with the given DuckDB thread setting. */
async function benchServer(store: Store, token: string, duckdbThreads: number | null): Promise<void> {
  const unlimited = { maxRequests: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };
  const app = await createApp({ store, duckdbThreads, rateLimit: { perAddress: unlimited, perUser: unlimited, maxTrackedKeys: 10 } });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const headers = { authorization: `Bearer ${token}` };
  const firstPage = (await (await fetch(`${baseUrl}/api/v1/calls?limit=50`, { headers })).json()) as { items: { call_id: string }[]; next_cursor: string };
  const ids = firstPage.items.map((item) => item.call_id);
  let next = 0;
  const cases: Record<string, () => string> = {
    'list, newest first, 50 per page': () => `${baseUrl}/api/v1/calls?limit=50`,
    'list, page 2 by cursor': () => `${baseUrl}/api/v1/calls?limit=50&cursor=${firstPage.next_cursor}`,
    'list, agent + score range, by score': () => `${baseUrl}/api/v1/calls?agent=agent-${next++ % 50}&score_min=20&score_max=80&sort=score`,
    'list, failed rule + event type': () => `${baseUrl}/api/v1/calls?failed_rule=empathy&event_type=hold`,
    'list, transcript text search': () => `${baseUrl}/api/v1/calls?q=duplicate%20charge`,
    'detail (40 utterances, 8 events, 8 rules)': () => `${baseUrl}/api/v1/calls/${ids[next++ % ids.length]}`,
  };
  const [setting] = await createSerializedDb(store).all<{ threads: string }>("SELECT current_setting('threads')::VARCHAR AS threads");
  // DuckDB's small queries are sensitive to CPU contention: say how busy the machine was.
  const machine = () => `${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`;
  for (const [name, urls] of Object.entries(cases)) {
    const { p50, p95, max, cpuMs } = await timeRequests(urls, headers);
    console.log(
      `api (DuckDB threads ${setting!.threads}): ${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms, ` +
        `CPU ${cpuMs.toFixed(1)} ms/request (target p95 < 50 ms; ${machine()})`,
    );
  }
  await app.close();
}

export async function benchApi(): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'callqa-api-bench-'));
  const store = await openStore(path.join(folder, 'bench.duckdb'));
  try {
    const insertStartedMs = performance.now();
    await insertSyntheticCalls(store, callCount);
    console.log(`api: ${callCount} synthetic calls inserted in ${((performance.now() - insertStartedMs) / 1000).toFixed(1)} s`);
    const token = await issueToken(createSerializedDb(store), { userName: 'bench', role: 'admin' }, { label: 'cli' });
    // DuckDB's default (one thread per core) first: a SET threads would outlive its server.
    for (const duckdbThreads of [null, 1]) await benchServer(store, token, duckdbThreads);
  } finally {
    store.close();
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchApi();
