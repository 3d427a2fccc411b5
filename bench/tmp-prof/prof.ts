import { openStore } from '/work/wt-search/store/index.ts';
import { generateSyntheticCalls } from '/work/wt-search/store/synthetic/generate-calls.ts';
import { searchTranscripts } from '/work/wt-search/store/search/search-transcripts.ts';
import { existsSync } from 'node:fs';
const p = '/tmp/x/prof.duckdb';
const fresh = !existsSync(p);
const store = await openStore(p);
if (fresh) { await generateSyntheticCalls(store, { calls: 100000, seed: 1 }); await store.connection.run('CHECKPOINT'); }
const t = async (label: string, sql: string) => { const s = performance.now(); for (let i=0;i<5;i++) await store.connection.runAndReadAll(sql); console.log(label, ((performance.now()-s)/5).toFixed(1)); };
await t('scan term', "SELECT count(*) FROM search_terms WHERE term IN ('en:invoic','ru:invoic','hu:invoic')");
await t('scan+group', "SELECT call_id, utterance_idx, count(*) FROM search_terms WHERE term IN ('en:invoic','ru:invoic','hu:invoic') GROUP BY ALL");
await t('join calls', "SELECT count(*) FROM (SELECT call_id, utterance_idx, count(*) FROM search_terms WHERE term IN ('en:invoic','ru:invoic','hu:invoic') GROUP BY ALL) m JOIN calls USING (call_id)");
await t('join utt', "SELECT count(*) FROM (SELECT call_id, utterance_idx, count(*) FROM search_terms WHERE term IN ('en:invoic','ru:invoic','hu:invoic') GROUP BY ALL) m JOIN utterances USING (call_id, utterance_idx)");
for (const q of ['invoice', '"new invoice"']) { const s = performance.now(); for (let i=0;i<5;i++) await searchTranscripts(store, { query: q, limit: 20 }); console.log(q, ((performance.now()-s)/5).toFixed(1)); }
store.close();
