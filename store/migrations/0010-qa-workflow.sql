-- callqa store, version 15: the QA workflow around the score. Sampling policies and the review
-- queues they fill (each item says how its call was picked), blind calibration sessions, agents'
-- acknowledgements and disputes with their resolution, and the record of deleted calls. No
-- secondary index (DuckDB #23788, see 0004): these tables are read by scans.

ALTER TABLE users ADD COLUMN agent_id VARCHAR;   -- role agent: the calls.agent_id whose calls the user sees

CREATE TABLE sampling_policies (
  policy_id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  assignee VARCHAR NOT NULL,                -- the QA specialist whose queue it fills
  definition JSON NOT NULL,                 -- {pick: {kind: count|percent|all, …}, period, filters}
  seed BIGINT NOT NULL,                     -- the same seed over the same calls picks the same ones
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE review_queue (
  item_id VARCHAR PRIMARY KEY,
  policy_id VARCHAR NOT NULL,
  sampling_run_id VARCHAR NOT NULL,         -- one run of a policy
  call_id VARCHAR NOT NULL,
  assignee VARCHAR NOT NULL,
  selection JSON NOT NULL,                  -- how the call was picked: policy, seed, period, agent, rank among how many
  status VARCHAR NOT NULL,                  -- open | done
  created_at TIMESTAMPTZ NOT NULL,
  done_at TIMESTAMPTZ
);

CREATE TABLE calibration_sessions (
  session_id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  call_ids VARCHAR[] NOT NULL,
  rule_ids VARCHAR[] NOT NULL,
  evaluators VARCHAR[] NOT NULL,            -- user names; they answer blind
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE calibration_answers (
  session_id VARCHAR NOT NULL,
  evaluator VARCHAR NOT NULL,
  call_id VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  status VARCHAR NOT NULL,                  -- pass | fail | n/a
  machine_status VARCHAR,                   -- the machine's verdict when the answer was submitted
  submitted_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (session_id, evaluator, call_id, rule_id)
);

CREATE TABLE agent_responses (
  response_id VARCHAR PRIMARY KEY,
  call_id VARCHAR NOT NULL,
  agent_id VARCHAR NOT NULL,
  user_name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,                    -- acknowledge | dispute
  rule_id VARCHAR,                          -- a dispute of one rule's verdict; NULL: of the score
  comment VARCHAR,
  created_at TIMESTAMPTZ NOT NULL,
  outcome VARCHAR,                          -- a dispute's: upheld | changed; NULL while open
  resolution_comment VARCHAR,
  resolved_by VARCHAR,
  review_id VARCHAR,                        -- the review a changed result was made with
  resolved_at TIMESTAMPTZ
);

CREATE TABLE call_deletions (
  deletion_id VARCHAR PRIMARY KEY,
  call_id VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  file_name VARCHAR NOT NULL,               -- kept so the audit names what went; nothing of its content is
  reason VARCHAR NOT NULL,                  -- request | retention
  deleted_by VARCHAR,                       -- the API user; NULL: the database's operator (callqa purge)
  rows_deleted JSON NOT NULL,               -- per table, how many rows went
  files_deleted VARCHAR[] NOT NULL,
  deleted_at TIMESTAMPTZ NOT NULL
);

ALTER TABLE reviews ADD COLUMN queue_item_id VARCHAR;  -- the queue item the review worked off, which says how its call was picked
