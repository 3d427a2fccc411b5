-- callqa store, version 16: how each contact took place — a recorded call (voice) or a written
-- chat or e-mail conversation — projected from the stored result's `channel`
-- (store/call-writer.ts) like every other summary column. Results made before conversations
-- existed carry no channel: they are calls.

ALTER TABLE calls ADD COLUMN channel VARCHAR DEFAULT 'voice';   -- voice | chat | email
UPDATE calls SET channel = coalesce(result_json ->> '$.channel', 'voice');

-- KPIs are the phone system's (service level, speed of answer, talk, hold and handle time):
-- over recorded calls only. A chat or e-mail thread lasting days is no talk time; conversations
-- are counted and scored in the call list, exports and agent figures instead. The version-6
-- view stays, renamed, under the one that keeps its calls.
ALTER VIEW call_recording_metrics RENAME TO contact_recording_metrics;
CREATE VIEW call_recording_metrics AS
SELECT m.* FROM contact_recording_metrics m JOIN calls c USING (call_id) WHERE c.channel = 'voice';

-- The facts were computed with the version-6 view: recompute them on the next read.
DELETE FROM kpi_facts_state;
