-- callqa store, version 6: when a call took place, its queue and direction, projected from the
-- stored result's `metadata` (store/call-writer.ts) like every other summary column. KPIs date
-- a recording without a CDR by when it took place, falling back to its first analysis.

ALTER TABLE calls ADD COLUMN started_at TIMESTAMP;   -- contact centre's wall-clock time, as the metadata gave it
ALTER TABLE calls ADD COLUMN queue VARCHAR;
ALTER TABLE calls ADD COLUMN direction VARCHAR;      -- inbound | outbound | internal

CREATE OR REPLACE VIEW call_recording_metrics AS
SELECT c.call_id, c.agent_id, c.score, c.duration_s, c.first_analysed_at, c.started_at, c.queue,
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

-- As in version 3, with the recording's own start time and queue where no CDR row gives them.
CREATE OR REPLACE VIEW kpi_contacts AS
WITH joined AS (
  SELECT d.call_id AS cdr_call_id,
         m.call_id AS recording_call_id,
         coalesce(d.agent_id, m.agent_id) AS agent_id,
         coalesce(d.queue, m.queue) AS queue,
         d.customer_id,
         coalesce(d.offered_at, m.started_at, CAST(m.first_analysed_at AS TIMESTAMP)) AS offered_at,
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

-- The facts were computed with the version-3 view: recompute them on the next read.
DELETE FROM kpi_facts_state;
