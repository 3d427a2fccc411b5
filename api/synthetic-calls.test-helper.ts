/**
 * Fills a store with N synthetic calls by set-based SQL (INSERT … SELECT over range(N)), for
 * the API benchmark: realistic row counts per call (2 parties, 40 utterances, 8 events,
 * 8 rule results, a result JSON of a few kB) without analysing any audio.
 */
import { listValue } from '@duckdb/node-api';
import type { CallResult } from '../pipeline/result/call-result.ts';
import type { Store } from '../store/index.ts';

export const syntheticShape = { utterancesPerCall: 40, eventsPerCall: 8, agents: 50 } as const;
const ruleIds = ['greeting', 'identification', 'hold-consent', 'hold-thanks', 'empathy', 'no-jargon', 'recap', 'closing'];
const phrases = [
  'Good morning, you are through to Acme billing.', 'I was charged twice for my roaming last month.',
  'Let me check that for you, may I put you on hold for a minute?', 'Thank you for holding.',
  'I can see the duplicate charge and I have refunded it.', 'Is there anything else I can help you with?',
  'My parcel has not arrived yet.', 'I understand how frustrating that is.',
];

/** One call's result JSON, with CALL_ID where the id goes; the same size as a real one. */
function templateResult(): CallResult {
  const utterances = Array.from({ length: syntheticShape.utterancesPerCall }, (_, index) => ({
    party: index % 2 === 0 ? ('agent' as const) : ('customer' as const), start: index * 4, end: index * 4 + 3.5, text: phrases[index % phrases.length]!,
  }));
  return {
    schema: 'callqa.call/1', call_id: 'CALL_ID', source: 'calls/CALL_ID.wav', sha256: null, status: 'ok', container: 'wav', codec: 'pcm_mulaw',
    duration_s: 170, channels: 2, sample_rate: 8000, language: 'en', agent_id: null,
    channel_levels: [0, 1].map((channel) => ({ channel, party: channel === 0 ? ('agent' as const) : ('customer' as const), rms_dbfs: -24, peak_dbfs: -6, clipped_ratio: 0 })),
    parties: { agent: { channel: 0, talk_s: 80, talk_listen_ratio: 1.4 }, customer: { channel: 1, talk_s: 57, talk_listen_ratio: 0.7 } },
    silence_s: 30, overlap_s: 3, transcript_source: 'model:synthetic', utterances,
    event_types_checked: ['interruption', 'backchannel', 'hold', 'dead_air', 'transfer'],
    events: Array.from({ length: syntheticShape.eventsPerCall }, (_, index) => ({ type: 'dead_air' as const, start: index * 20, end: index * 20 + 4 })),
    statements: { agent: { i: 12, you: 9 } },
    rules: ruleIds.map((id) => ({ id, status: 'pass' as const, count: 1, evidence: [{ start: 0, end: 3.5, party: 'agent' as const, text: phrases[0]! }] })),
    sentiment_source: null,
    score: 80,
  };
}

/** Inserts `count` calls with their rows, one statement per table. */
export async function insertSyntheticCalls(store: Store, count: number): Promise<void> {
  const { connection } = store;
  await connection.run('BEGIN TRANSACTION');
  await connection.run(`CREATE TEMP TABLE synthetic AS SELECT i, printf('%016x', i * 2654435761 % 18446744073709551557) AS call_id FROM range($1) t(i)`, [count]);
  await connection.run(
    `INSERT INTO calls (call_id, sha256, source, file_name, size_bytes, container, codec, sample_rate_hz, channels, agent_channel,
       duration_s, language, agent_id, transcript_source, silence_s, overlap_s, agent_i_statements, agent_you_statements, score,
       result_json, last_run_id, first_analysed_at, analysed_at)
     SELECT call_id, call_id || repeat('0', 48), 'calls/' || call_id || '.wav', call_id || '.wav', 1000000 + i, 'wav',
       'pcm_mulaw', 8000, 2, 0, 60 + i * 37 % 600, ['en', 'ru', 'hu'][i % 3 + 1], 'agent-' || (i % $1), 'model:synthetic', 30, 3, 12, 9,
       (i * 7919) % 101, replace($2, 'CALL_ID', call_id), 'run-' || i, now() - to_minutes(i), now() - to_minutes(i) FROM synthetic`,
    [syntheticShape.agents, JSON.stringify(templateResult())],
  );
  await connection.run(`INSERT INTO parties SELECT call_id, c, ['agent', 'customer'][c + 1], 60 + c * 10, 1.2, 9, -24, -6, 0
    FROM synthetic, range(2) p(c)`);
  await connection.run(
    `INSERT INTO utterances SELECT call_id, u, ['agent', 'customer'][u % 2 + 1], u * 4, u * 4 + 3.5, $2[(i + u) % len($2) + 1], 'en', 0.9, NULL, NULL
     FROM synthetic, range($1) x(u)`,
    [syntheticShape.utterancesPerCall, listValue(phrases)],
  );
  await connection.run(
    `INSERT INTO events SELECT call_id, e, ['dead_air', 'hold', 'interruption', 'backchannel'][(i + e) % 4 + 1],
       CASE WHEN e % 4 = 2 THEN 'agent' END, e * 20, e * 20 + 4, '{}' FROM synthetic, range($1) x(e)`,
    [syntheticShape.eventsPerCall],
  );
  await connection.run(
    `INSERT INTO rule_results SELECT call_id, rule_id, CASE WHEN (i * 31 + r) % 7 = 0 THEN 'fail' ELSE 'pass' END, 1, 'minor', 1, '[]'
     FROM synthetic, (SELECT unnest($1::VARCHAR[]) AS rule_id, generate_subscripts($1::VARCHAR[], 1) AS r)`,
    [listValue(ruleIds)],
  );
  await connection.run("INSERT INTO score_history SELECT call_id, 'run-' || i, NULL, (i * 7919) % 101, 'machine', now() FROM synthetic");
  await connection.run(
    `INSERT INTO reviews (review_id, call_id, target, rule_id, before_value, after_value, comment, reviewer, created_at)
     SELECT uuid()::VARCHAR, call_id, 'score', NULL, '{"score": 50}', '{"score": 90}', 'synthetic', 'qa', now()
     FROM synthetic WHERE i % 50 = 0`,
  );
  await connection.run('DROP TABLE synthetic');
  await connection.run('COMMIT');
}
