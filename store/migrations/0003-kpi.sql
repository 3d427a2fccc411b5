-- callqa store, version 3: call-detail records from the telephony platform and the KPI views.
-- Formulas are written out in store/kpi/README.md; keep the two in step.

-- One row per contact as the platform exported it; re-importing a call_id replaces its row.
CREATE TABLE cdr (
  call_id VARCHAR PRIMARY KEY,              -- the platform's id, not calls.call_id
  recording VARCHAR,                        -- file name or sha256 of the recording, as exported
  recording_call_id VARCHAR,                -- calls.call_id of the linked recording, set on import
  queue VARCHAR,
  agent_id VARCHAR,
  customer_id VARCHAR,                      -- customer id or phone number
  offered_at TIMESTAMP NOT NULL,            -- contact centre's wall-clock time
  answered_at TIMESTAMP,
  ended_at TIMESTAMP,
  abandoned BOOLEAN NOT NULL,
  ivr_path VARCHAR,
  asked_for_agent BOOLEAN,
  transferred BOOLEAN,
  acw_s DOUBLE,                             -- after-call work
  imported_at TIMESTAMPTZ NOT NULL
);

-- What the recording says about each analysed call, one row per call.
CREATE VIEW call_recording_metrics AS
SELECT c.call_id, c.agent_id, c.score, c.duration_s, c.first_analysed_at,
       coalesce(e.interruptions_by_agent, 0) AS interruptions_by_agent,
       coalesce(e.holds, 0) AS holds,
       coalesce(e.holds_without_consent, 0) AS holds_without_consent,
       coalesce(e.hold_s, 0) AS hold_s,
       coalesce(e.dead_air_s, 0) AS dead_air_s,
       coalesce(e.transfers, 0) AS transfers
FROM calls c
LEFT JOIN (
  SELECT call_id,
         count(*) FILTER (type = 'interruption' AND party = 'agent') AS interruptions_by_agent,
         count(*) FILTER (type = 'hold') AS holds,
         count(*) FILTER (type = 'hold' AND (attributes ->> '$.consented') = 'false') AS holds_without_consent,
         sum(end_s - start_s) FILTER (type = 'hold') AS hold_s,
         sum(end_s - start_s) FILTER (type = 'dead_air') AS dead_air_s,
         count(*) FILTER (type = 'transfer') AS transfers
  FROM events
  GROUP BY call_id
) e USING (call_id);

-- One row per contact: a CDR row with its recording, a CDR row alone, or a recording alone.
-- A recording without a CDR is dated by its first analysis and counts as handled.
CREATE VIEW kpi_contacts AS
WITH joined AS (
  SELECT d.call_id AS cdr_call_id,
         m.call_id AS recording_call_id,
         coalesce(d.agent_id, m.agent_id) AS agent_id,
         d.queue,
         d.customer_id,
         coalesce(d.offered_at, CAST(m.first_analysed_at AS TIMESTAMP)) AS offered_at,
         d.answered_at,
         d.abandoned,
         d.ivr_path,
         d.asked_for_agent,
         d.answered_at IS NOT NULL OR coalesce(d.abandoned, false) AS is_offered,
         d.call_id IS NULL OR d.answered_at IS NOT NULL AS is_handled,
         epoch(d.answered_at - d.offered_at) AS wait_s,
         coalesce(epoch(d.ended_at - d.answered_at), m.duration_s) AS connected_s,
         m.hold_s,
         d.acw_s,
         coalesce(d.transferred, m.transfers > 0) AS is_transferred,
         m.interruptions_by_agent,
         m.holds,
         m.holds_without_consent,
         m.dead_air_s,
         m.score
  FROM cdr d
  FULL JOIN call_recording_metrics m ON m.call_id = d.recording_call_id
)
SELECT *,
       connected_s - coalesce(hold_s, 0) AS talk_s,
       -- resolved at first contact: the same customer did not call again within 7 days
       coalesce(lead(offered_at) OVER (PARTITION BY customer_id ORDER BY offered_at) > offered_at + INTERVAL 7 DAY, true)
         AS is_first_contact_resolved
FROM joined;

-- kpi_contacts computed once per change of calls or cdr (see store/kpi/refresh-kpi-facts.ts):
-- the view costs seconds per million contacts, the KPI aggregates over this table milliseconds.
CREATE TABLE kpi_contact_facts AS SELECT * FROM kpi_contacts LIMIT 0;
CREATE TABLE kpi_facts_state (source_signature VARCHAR NOT NULL, refreshed_at TIMESTAMPTZ NOT NULL);

-- Every KPI for contacts offered at or after `since`, grouped by 'agent', 'queue', 'day' or
-- 'week' (ISO week, e.g. 2024-W10); `service_level_s` is the service-level answer target.
-- Days and weeks are grouped as timestamps and formatted afterwards: strftime per row is slow.
CREATE MACRO kpi_summary(group_by, since, service_level_s) AS TABLE
SELECT CASE group_by WHEN 'day' THEN strftime(period_start, '%Y-%m-%d') WHEN 'week' THEN strftime(period_start, '%G-W%V') ELSE text_key END
         AS group_key,
       * EXCLUDE (text_key, period_start)
FROM (
  SELECT CASE group_by WHEN 'agent' THEN agent_id WHEN 'queue' THEN queue END AS text_key,
         CASE group_by WHEN 'day' THEN date_trunc('day', offered_at) WHEN 'week' THEN date_trunc('week', offered_at) END AS period_start,
         count(*) AS contacts,
         count(*) FILTER (is_offered) AS offered_calls,
         count(*) FILTER (is_offered AND wait_s <= service_level_s) / nullif(count(*) FILTER (is_offered), 0) AS service_level_ratio,
         count(*) FILTER (is_offered AND abandoned) / nullif(count(*) FILTER (is_offered), 0) AS abandonment_ratio,
         avg(wait_s) FILTER (answered_at IS NOT NULL) AS avg_speed_of_answer_s,
         avg(talk_s) FILTER (is_handled) AS avg_talk_s,
         avg(hold_s) FILTER (is_handled) AS avg_hold_s,
         avg(acw_s) FILTER (is_handled) AS avg_acw_s,
         avg(talk_s + coalesce(hold_s, 0) + coalesce(acw_s, 0)) FILTER (is_handled) AS avg_handle_s,
         avg(CAST(is_transferred AS INTEGER)) FILTER (is_handled) AS transfer_ratio,
         avg(CAST(is_first_contact_resolved AS INTEGER)) FILTER (is_handled AND customer_id IS NOT NULL) AS first_contact_resolution_ratio,
         avg(CAST(NOT coalesce(asked_for_agent, false) AND answered_at IS NULL AS INTEGER))
           FILTER (coalesce(ivr_path, '') <> '') AS ivr_containment_ratio,
         avg(interruptions_by_agent) AS interruptions_by_agent_per_call,
         sum(holds_without_consent) / nullif(sum(holds), 0) AS holds_without_consent_ratio,
         avg(dead_air_s) AS dead_air_s_per_call,
         avg(score) AS etiquette_score_avg
  FROM kpi_contact_facts
  WHERE offered_at >= since
  GROUP BY ALL
)
ORDER BY group_key;

CREATE VIEW kpi_by_agent AS SELECT * FROM kpi_summary('agent', TIMESTAMP '1970-01-01', 20);
CREATE VIEW kpi_by_queue AS SELECT * FROM kpi_summary('queue', TIMESTAMP '1970-01-01', 20);
CREATE VIEW kpi_by_day AS SELECT * FROM kpi_summary('day', TIMESTAMP '1970-01-01', 20);
CREATE VIEW kpi_by_week AS SELECT * FROM kpi_summary('week', TIMESTAMP '1970-01-01', 20);
