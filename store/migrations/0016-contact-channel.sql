-- callqa store, version 16: how each contact took place — a recorded call (voice) or a written
-- chat or e-mail conversation — projected from the stored result's `channel`
-- (store/call-writer.ts) like every other summary column. Results made before conversations
-- existed carry no channel: they are calls.

ALTER TABLE calls ADD COLUMN channel VARCHAR DEFAULT 'voice';   -- voice | chat | email
UPDATE calls SET channel = coalesce(result_json ->> '$.channel', 'voice');

-- KPIs are the phone system's (service level, speed of answer, talk, hold and handle time): as
-- in version 6, over recorded calls only. A chat or e-mail thread lasting days is no talk time;
-- conversations are counted and scored in the call list, exports and agent figures instead.
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
) e USING (call_id)
WHERE c.channel = 'voice';

-- The facts were computed with the version-6 view: recompute them on the next read.
DELETE FROM kpi_facts_state;
