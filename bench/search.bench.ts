/**
 * Transcript search speed on a synthetic store of 100 000 contacts (about 83 000 analysed
 * calls, 660 000 utterances, 4 million index terms). Each query runs once to warm up, then
 * `timedRuns` times; per kind of query (single words, phrases, proximity, with a party
 * filter) the p95 and median wall time over all its runs are reported, and the CPU time per
 * query (all DuckDB threads together), which says what the query costs when other work shares
 * the cores (the load average is printed too). Target: p95 < 200 ms.
 * `npx tsx bench/search.bench.ts [CONTACTS]` runs it alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../store/index.ts';
import { searchTranscripts } from '../store/search/search-transcripts.ts';
import { generateSyntheticCalls } from '../store/synthetic/generate-calls.ts';

const defaultContacts = 100_000;
const timedRuns = 20;

/** Queries per kind, mixing rare and common words in the three languages. */
const queryKinds: Readonly<Record<string, readonly string[]>> = {
  'single word': ['invoice', 'roaming', 'счета', 'счетом', 'számla', 'számlámról', 'thank', 'internet'],
  phrase: ['"new invoice"', '"put you on hold"', '"новый счёт"', '"új számlát"', '"last payment"'],
  proximity: ['card NEAR/3 payment', 'charged NEAR/5 roaming', 'проверю NEAR/4 платёж', 'számláját NEAR/5 befizetést'],
  'word + party filter': ['invoice party:customer', 'счёт party:agent', 'számla party:customer'],
};

function percentile(sortedMs: readonly number[], fraction: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil(fraction * sortedMs.length) - 1)]!;
}

export async function benchSearch(contacts = defaultContacts): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'callqa-search-bench-'));
  const store = await openStore(path.join(folder, 'search.duckdb'));
  try {
    const startedMs = performance.now();
    await generateSyntheticCalls(store, { calls: contacts, seed: 1 });
    await store.connection.run('CHECKPOINT');
    const sizes = (await store.connection.runAndReadAll(
      'SELECT (SELECT count(*) FROM calls)::INTEGER AS calls, (SELECT count(*) FROM utterances)::INTEGER AS utterances, (SELECT count(*) FROM search_terms)::INTEGER AS terms')).getRowObjectsJS()[0]!;
    console.log(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`);
    console.log(`${contacts} contacts (${sizes.calls} calls, ${sizes.utterances} utterances, ${sizes.terms} index terms) generated in ${((performance.now() - startedMs) / 1000).toFixed(1)} s`);
    for (const [kind, queries] of Object.entries(queryKinds)) {
      const timesMs: number[] = [];
      let cpuUs = 0;
      let hits = 0;
      for (const query of queries) {
        hits += (await searchTranscripts(store, { query, limit: 20 })).items.length;
        for (let run = 0; run < timedRuns; run++) {
          const queryStartedMs = performance.now();
          const cpuBefore = process.cpuUsage();
          await searchTranscripts(store, { query, limit: 20 });
          const cpu = process.cpuUsage(cpuBefore);
          timesMs.push(performance.now() - queryStartedMs);
          cpuUs += cpu.user + cpu.system;
        }
      }
      timesMs.sort((a, b) => a - b);
      const p95 = percentile(timesMs, 0.95);
      console.log(`search  ${kind.padEnd(22)} p95 ${p95.toFixed(1).padStart(7)} ms, median ${percentile(timesMs, 0.5).toFixed(1).padStart(7)} ms`
        + `, CPU ${(cpuUs / 1000 / timesMs.length).toFixed(1).padStart(6)} ms per query (${queries.length} queries × ${timedRuns}, ${hits} hits on their first pages)`
        + `${p95 >= 200 ? '  (over 200 ms target)' : ''}`);
    }
  } finally {
    store.close();
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const contacts = Number(process.argv[2]);
  await benchSearch(contacts > 0 ? contacts : defaultContacts);
}
