-- Synthetic analysed calls, set-based. Inputs: getvariable('synthetic_calls'),
-- getvariable('synthetic_seed'), getvariable('synthetic_first_id'). Every random draw is a hash
-- of (row, salt, seed), so one seed always gives the same data, however DuckDB parallelises.
CREATE OR REPLACE TEMP MACRO synthetic_uniform(i, salt) AS
  (hash(i, salt, getvariable('synthetic_seed')) % 1000000)::DOUBLE / 1000000;

CREATE OR REPLACE TEMP TABLE synthetic_contacts AS
SELECT i,
       'syn' || lpad(i::VARCHAR, 13, '0') AS call_id,
       synthetic_uniform(i, 9) < 0.6 AS via_ivr,
       via_ivr AND synthetic_uniform(i, 20) < 0.15 AS ivr_only,          -- served by the IVR alone
       NOT ivr_only AND synthetic_uniform(i, 1) < 0.08 AS abandoned,
       NOT ivr_only AND NOT abandoned AS has_recording,
       TIMESTAMP '2024-01-01 08:00:00' + to_seconds((synthetic_uniform(i, 2) * 90)::INTEGER * 86400 + (synthetic_uniform(i, 3) * 36000)::INTEGER) AS offered_at,
       (synthetic_uniform(i, 4) * synthetic_uniform(i, 4) * 90)::INTEGER AS wait_s,
       60 + (synthetic_uniform(i, 5) * 600)::INTEGER AS duration_s,
       'agent-' || lpad((synthetic_uniform(i, 6) * 200)::INTEGER::VARCHAR, 3, '0') AS agent_id,
       ['sales', 'support', 'billing', 'retention'][1 + (synthetic_uniform(i, 7) * 4)::INTEGER % 4] AS queue,
       'cust-' || (synthetic_uniform(i, 8) * getvariable('synthetic_calls') / 3)::BIGINT AS customer_id,
       ['en', 'ru', 'hu'][1 + (synthetic_uniform(i, 10) * 3)::INTEGER % 3] AS language,
       round(40 + synthetic_uniform(i, 11) * 60, 1) AS score
FROM range(getvariable('synthetic_first_id'), getvariable('synthetic_first_id') + getvariable('synthetic_calls')) AS t(i);

INSERT INTO calls (call_id, sha256, source, file_name, size_bytes, container, codec, sample_rate_hz, channels, agent_channel,
                   duration_s, language, agent_id, transcript_source, silence_s, overlap_s, score, result_json, last_run_id,
                   first_analysed_at, analysed_at)
SELECT call_id, sha256(call_id), 'synthetic/' || call_id || '.wav', call_id || '.wav', duration_s * 16000, 'wav', 'pcm_s16le',
       8000, 2, 0, duration_s, language, agent_id, 'synthetic', duration_s * 0.1, duration_s * 0.02, score, '{}', 'synthetic',
       offered_at + to_seconds(wait_s + duration_s), offered_at + to_seconds(wait_s + duration_s)
FROM synthetic_contacts WHERE has_recording;

INSERT INTO parties
SELECT call_id, channel, ['agent', 'customer'][channel + 1], duration_s * (0.35 + channel * 0.1), 1.0 - channel * 0.3, 30, -20, -3, 0
FROM synthetic_contacts, range(2) AS p(channel) WHERE has_recording;

-- Eight alternating turns spread over the call, each a sentence of the call's language drawn
-- from synthetic_sentences (made by generate-calls.ts), with its search terms.
CREATE OR REPLACE TEMP TABLE synthetic_turns AS
SELECT call_id, i, n, language, duration_s,
       floor(synthetic_uniform(i * 8 + n, 21) * (SELECT count(*) FROM synthetic_sentences s WHERE s.language = c.language))::INTEGER AS sentence
FROM synthetic_contacts c, range(8) AS u(n) WHERE has_recording;

INSERT INTO utterances
SELECT call_id, n, ['agent', 'customer'][n % 2 + 1], duration_s * n / 8, duration_s * (n + 0.8) / 8, s.text,
       t.language, 0.9, ['positive', 'neutral', 'negative'][1 + (synthetic_uniform(i * 8 + n, 12) * 3)::INTEGER % 3], 0.8
FROM synthetic_turns t JOIN synthetic_sentences s USING (language, sentence);

INSERT INTO search_terms
SELECT t.call_id, t.n, st.position, st.term, ['agent', 'customer'][t.n % 2 + 1]
FROM synthetic_turns t JOIN synthetic_sentence_terms st USING (language, sentence);

-- Up to five event slots per call (two interruptions, a hold, two dead-air gaps), each kept at random.
INSERT INTO events
SELECT call_id, slot, ['interruption', 'interruption', 'hold', 'dead_air', 'dead_air'][slot + 1],
       CASE WHEN slot < 2 THEN (CASE WHEN synthetic_uniform(i * 5 + slot, 14) < 0.7 THEN 'agent' ELSE 'customer' END) END,
       duration_s * (slot + 1) / 6, duration_s * (slot + 1) / 6 + CASE WHEN slot = 2 THEN 30 ELSE 3 END,
       CASE WHEN slot = 2 THEN json_object('kind', 'music', 'consented', synthetic_uniform(i, 15) < 0.8)::VARCHAR ELSE '{}' END
FROM synthetic_contacts, range(5) AS e(slot)
WHERE has_recording AND synthetic_uniform(i * 5 + slot, 13) < [0.3, 0.15, 0.4, 0.5, 0.2][slot + 1];

INSERT INTO rule_results
SELECT call_id, rule_id, CASE WHEN failed THEN 'fail' ELSE 'pass' END, failed::INTEGER, 'major', 1.0, '[]'
FROM (SELECT call_id, ['greeting', 'thanks', 'no-interruptions', 'hold-consent', 'you-statements', 'follow-up'][r + 1] AS rule_id,
             synthetic_uniform(i * 6 + r, 16) < 0.2 AS failed
      FROM synthetic_contacts, range(6) AS rr(r) WHERE has_recording);

INSERT INTO cdr
SELECT call_id, CASE WHEN has_recording THEN call_id || '.wav' END, CASE WHEN has_recording THEN call_id END, queue,
       CASE WHEN has_recording THEN agent_id END, customer_id, offered_at, CASE WHEN has_recording THEN offered_at + to_seconds(wait_s) END,
       offered_at + to_seconds(wait_s + CASE WHEN has_recording THEN duration_s ELSE 0 END), abandoned,
       CASE WHEN via_ivr THEN 'menu>' || (1 + (synthetic_uniform(i, 17) * 4)::INTEGER) END, via_ivr AND NOT ivr_only,
       has_recording AND synthetic_uniform(i, 18) < 0.1, CASE WHEN has_recording THEN round(synthetic_uniform(i, 19) * 120, 1) END, now()
FROM synthetic_contacts;

DROP TABLE synthetic_contacts;
DROP TABLE synthetic_turns;
