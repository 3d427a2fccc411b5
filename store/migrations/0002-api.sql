-- callqa store, version 2: what the QA server adds. Users and their API tokens (only the
-- sha256 of a token is kept), the upload analysis queue, the trainers' example library, and
-- views that overlay the latest human review on the machine's results without changing them.

CREATE TABLE users (
  user_name VARCHAR PRIMARY KEY,
  role VARCHAR NOT NULL,                    -- qa | supervisor | trainer | admin
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_tokens (
  token_sha256 VARCHAR PRIMARY KEY,         -- sha256 of the token; the token itself is never stored
  user_name VARCHAR NOT NULL,
  label VARCHAR NOT NULL,                   -- cli | api | startup
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);

CREATE TABLE jobs (
  job_id VARCHAR PRIMARY KEY,
  status VARCHAR NOT NULL,                  -- queued | running | ok | error | abandoned
  file_name VARCHAR NOT NULL,               -- the name the uploader gave
  stored_path VARCHAR NOT NULL,             -- where the server keeps the bytes (under its uploads folder)
  sha256 VARCHAR NOT NULL,
  size_bytes BIGINT NOT NULL,
  options JSON NOT NULL,                    -- {"agentChannel": 0, "agentId": "…"}
  submitted_by VARCHAR NOT NULL,
  run_id VARCHAR,
  call_id VARCHAR,
  error_code VARCHAR,
  error_message VARCHAR,
  log JSON,                                 -- the analysis's progress lines, kept when it ends
  created_at TIMESTAMPTZ NOT NULL,
  started_at TIMESTAMPTZ,
  finished_at TIMESTAMPTZ
);

CREATE TABLE example_clips (
  example_id VARCHAR PRIMARY KEY,
  call_id VARCHAR NOT NULL,
  start_s DOUBLE NOT NULL,
  end_s DOUBLE NOT NULL,
  label VARCHAR NOT NULL,                   -- good | bad
  guidance_ref VARCHAR NOT NULL,            -- G1 … G14
  note VARCHAR NOT NULL,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX api_tokens_user ON api_tokens (user_name);
CREATE INDEX jobs_sha256 ON jobs (sha256);
CREATE INDEX example_clips_call ON example_clips (call_id);

-- The newest review per reviewed item (a rule of a call, or a call's score).
CREATE VIEW latest_reviews AS
SELECT call_id, target, rule_id,
       arg_max(after_value, created_at) AS after_value,
       arg_max(review_id, created_at) AS review_id,
       max(created_at) AS reviewed_at
FROM reviews
GROUP BY call_id, target, rule_id;

-- Rule results as the QA team sees them: a reviewer's status wins over the machine's.
CREATE VIEW effective_rule_results AS
SELECT r.*,
       coalesce(lr.after_value ->> 'status', r.status) AS effective_status,
       lr.review_id AS review_id
FROM rule_results r
LEFT JOIN latest_reviews lr ON lr.call_id = r.call_id AND lr.target = 'rule' AND lr.rule_id = r.rule_id;

-- Calls with the score a reviewer set, if any, else the machine's.
CREATE VIEW effective_calls AS
SELECT c.*,
       coalesce(CAST(lr.after_value ->> 'score' AS DOUBLE), c.score) AS effective_score,
       lr.review_id AS score_review_id
FROM calls c
LEFT JOIN latest_reviews lr ON lr.call_id = c.call_id AND lr.target = 'score';
