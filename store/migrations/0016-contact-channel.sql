-- callqa store, version 16: how each contact took place — a recorded call (voice) or a written
-- chat or e-mail conversation — projected from the stored result's `channel`
-- (store/call-writer.ts) like every other summary column. Results made before conversations
-- existed carry no channel: they are calls.

ALTER TABLE calls ADD COLUMN channel VARCHAR DEFAULT 'voice';   -- voice | chat | email
UPDATE calls SET channel = coalesce(result_json ->> '$.channel', 'voice');
