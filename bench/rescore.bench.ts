/**
 * `callqa rescore` speed on the synthetic store of 10 000 analysed calls (12 000 contacts, about
 * 83 % with a recording). The synthetic rows carry utterances, events and rule results but no
 * stored result, so each call's `callqa.call/1` result is first composed from its rows, as the
 * call writer would have stored it. Three runs: the first judges every call with the shipped
 * packs and writes them all (their synthetic verdicts give way to real ones); the second finds
 * nothing changed and writes nothing (judging alone); the third follows an edited English phrase
 * list and writes the English calls. Per core is per CPU-second of this process, DuckDB's
 * threads included. Target: ≥ 1 000 calls per second per core.
 * `npx tsx bench/rescore.bench.ts [CONTACTS]` runs it alone.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { silentEffects } from '../core/effects.ts';
import { loadJudgeConfig } from '../pipeline/judge-call.ts';
import { languages } from '../pipeline/result/call-result.ts';
import { defaultPacksDir } from '../pipeline/rules/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { rescoreCalls } from '../store/rescore/index.ts';
import { generateSyntheticCalls } from '../store/synthetic/generate-calls.ts';

const defaultContacts = 12_000;
const audioEventTypes = `'["interruption", "backchannel", "hold", "dead_air"]'`;

/** Each synthetic call's result, from its rows: what `saveCall` stores for an analysed call. */
const composeResults = `
UPDATE calls SET result_json = json_object(
  'schema', 'callqa.call/1', 'call_id', c.call_id, 'source', c.source, 'sha256', c.sha256, 'status', 'ok',
  'container', c.container, 'codec', c.codec, 'duration_s', c.duration_s, 'channels', c.channels, 'sample_rate', c.sample_rate_hz,
  'agent_channel', c.agent_channel, 'language', c.language, 'agent_id', c.agent_id, 'channel_levels', json('[]'), 'parties', NULL,
  'silence_s', c.silence_s, 'overlap_s', c.overlap_s, 'transcript_source', c.transcript_source, 'utterances', u.utterances,
  'event_types_checked', json(${audioEventTypes}), 'events', coalesce(e.events, json('[]')), 'audio_event_types_checked', json(${audioEventTypes}),
  'statements', NULL, 'rules', coalesce(r.rules, json('[]')), 'sentiment_source', 'utterance-sentiment', 'score', c.score)
FROM calls c
JOIN (SELECT call_id, to_json(list(json_object('start', start_s, 'end', end_s, 'party', party, 'text', text, 'language', language,
        'confidence', confidence, 'sentiment', json_object('label', sentiment_label, 'score', sentiment_score)) ORDER BY utterance_idx)) AS utterances
      FROM utterances GROUP BY call_id) u USING (call_id)
LEFT JOIN (SELECT call_id, to_json(list(json_merge_patch(
        CASE WHEN type = 'interruption' THEN json_object('type', type, 'start', start_s, 'end', end_s, 'by', party, 'overlap_s', end_s - start_s)
             ELSE json_object('type', type, 'start', start_s, 'end', end_s) END, attributes) ORDER BY start_s)) AS events
      FROM events GROUP BY call_id) e USING (call_id)
LEFT JOIN (SELECT call_id, to_json(list(json_object('id', rule_id, 'status', status, 'count', count, 'severity', severity, 'weight', weight,
        'evidence', evidence) ORDER BY rule_id)) AS rules FROM rule_results GROUP BY call_id) r USING (call_id)
WHERE calls.call_id = c.call_id`;

async function timeRescore(store: Store, label: string, rulePacksDir: string | null): Promise<void> {
  const config = await loadJudgeConfig({ languages, rulePacksDir, scorecardPath: null });
  const cpuBefore = process.cpuUsage();
  const startedMs = performance.now();
  const report = await rescoreCalls(store, config, { since: null, agent: null, language: null }, silentEffects);
  const wallS = (performance.now() - startedMs) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const calls = report.calls_rescored ?? 0;
  console.log(`${label.padEnd(46)} ${calls} calls, ${report.calls_written} written, ${report.calls_changed} changed: `
    + `${wallS.toFixed(2)} s, ${(calls / wallS).toFixed(0)} calls/s, ${cpuS.toFixed(2)} CPU-s = ${(calls / cpuS).toFixed(0)} calls/s per core`
    + `${calls / cpuS < 1000 ? '  (under 1 000 target)' : ''}`);
}

/** Generates the store, composes the results, and times three rescores. */
export async function benchRescore(contacts: number = defaultContacts): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'callqa-rescore-bench-'));
  try {
    const store = await openStore(path.join(folder, 'rescore.duckdb'));
    await generateSyntheticCalls(store, { calls: contacts, seed: 1 });
    await store.connection.run(composeResults);
    const packsDir = path.join(folder, 'packs');
    await cp(defaultPacksDir, packsDir, { recursive: true });
    await timeRescore(store, 'shipped packs over synthetic verdicts', packsDir);
    await timeRescore(store, 'shipped packs again (nothing changes)', packsDir);
    const enFile = path.join(packsDir, 'en.json');
    const pack = JSON.parse(await readFile(enFile, 'utf8')) as { lexicons: Record<string, string[]> };
    pack.lexicons.thanks = ['cheers'];
    await writeFile(enFile, JSON.stringify(pack));
    await timeRescore(store, 'English "thanks" phrases edited', packsDir);
    store.close();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const contacts = Number(process.argv[2]);
  await benchRescore(contacts > 0 ? contacts : defaultContacts);
}
