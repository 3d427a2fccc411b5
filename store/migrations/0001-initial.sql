-- callqa store, version 1. Machine results are replaced per call on re-analysis; human work
-- (reviews) and history (analysis_runs, score_history) is only ever appended to.

CREATE TABLE calls (
  call_id VARCHAR PRIMARY KEY,              -- first 16 hex digits of sha256
  sha256 VARCHAR NOT NULL UNIQUE,
  source VARCHAR NOT NULL,                  -- path as given when last analysed
  file_name VARCHAR NOT NULL,
  size_bytes BIGINT NOT NULL,
  container VARCHAR,
  codec VARCHAR,
  sample_rate_hz INTEGER,
  channels TINYINT,
  agent_channel TINYINT,                    -- null for mono
  duration_s DOUBLE,
  language VARCHAR,
  agent_id VARCHAR,
  transcript_source VARCHAR,
  silence_s DOUBLE,
  overlap_s DOUBLE,
  agent_i_statements INTEGER,
  agent_you_statements INTEGER,
  score DOUBLE,                             -- machine score; reviews may override it
  result_json JSON NOT NULL,                -- the callqa.call/1 object as --json printed it
  last_run_id VARCHAR NOT NULL,
  first_analysed_at TIMESTAMPTZ NOT NULL,
  analysed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE parties (
  call_id VARCHAR NOT NULL,
  channel TINYINT NOT NULL,
  party VARCHAR NOT NULL,                   -- agent | customer | unknown
  talk_s DOUBLE,
  talk_listen_ratio DOUBLE,
  longest_monologue_s DOUBLE,
  rms_dbfs DOUBLE,
  peak_dbfs DOUBLE,
  clipped_ratio DOUBLE,
  PRIMARY KEY (call_id, channel)
);

CREATE TABLE analysis_runs (
  run_id VARCHAR PRIMARY KEY,
  call_id VARCHAR,                          -- null when the file could not be read
  sha256 VARCHAR,
  source VARCHAR NOT NULL,
  status VARCHAR NOT NULL,                  -- running | ok | error | abandoned
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  error_code VARCHAR,
  error_message VARCHAR,
  stage_timings JSON,                       -- {"ingest": ms, "audio": ms, ...}
  models JSON,                              -- [{"id", "version", "sha256"}]
  callqa_version VARCHAR NOT NULL,
  options JSON
);

CREATE TABLE speech_segments (
  call_id VARCHAR NOT NULL,
  channel TINYINT NOT NULL,
  party VARCHAR NOT NULL,
  start_s DOUBLE NOT NULL,
  end_s DOUBLE NOT NULL
);

CREATE TABLE utterances (
  call_id VARCHAR NOT NULL,
  utterance_idx INTEGER NOT NULL,
  party VARCHAR NOT NULL,
  start_s DOUBLE NOT NULL,
  end_s DOUBLE NOT NULL,
  text VARCHAR NOT NULL,
  language VARCHAR,
  confidence DOUBLE,
  sentiment_label VARCHAR,
  sentiment_score DOUBLE,
  PRIMARY KEY (call_id, utterance_idx)
);

CREATE TABLE words (
  call_id VARCHAR NOT NULL,
  utterance_idx INTEGER NOT NULL,
  word_idx INTEGER NOT NULL,
  start_s DOUBLE NOT NULL,
  end_s DOUBLE NOT NULL,
  text VARCHAR NOT NULL,
  confidence DOUBLE,
  PRIMARY KEY (call_id, utterance_idx, word_idx)
);

CREATE TABLE events (
  call_id VARCHAR NOT NULL,
  event_idx INTEGER NOT NULL,
  type VARCHAR NOT NULL,
  party VARCHAR,                            -- who did it (interruption/backchannel "by")
  start_s DOUBLE NOT NULL,
  end_s DOUBLE NOT NULL,
  attributes JSON NOT NULL,                 -- the event's other fields
  PRIMARY KEY (call_id, event_idx)
);

CREATE TABLE rule_results (
  call_id VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  status VARCHAR NOT NULL,                  -- pass | fail | n/a
  count INTEGER NOT NULL,
  severity VARCHAR,
  weight DOUBLE,
  evidence JSON NOT NULL,
  PRIMARY KEY (call_id, rule_id)
);

CREATE TABLE score_history (
  call_id VARCHAR NOT NULL,
  run_id VARCHAR,                           -- set for machine scores
  review_id VARCHAR,                        -- set for human overrides
  score DOUBLE,
  source VARCHAR NOT NULL,                  -- machine | review
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE reviews (
  review_id VARCHAR PRIMARY KEY,
  call_id VARCHAR NOT NULL,
  target VARCHAR NOT NULL,                  -- rule | score
  rule_id VARCHAR,
  before_value JSON,
  after_value JSON NOT NULL,
  comment VARCHAR,
  reviewer VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX speech_segments_call ON speech_segments (call_id);
CREATE INDEX analysis_runs_call ON analysis_runs (call_id);
CREATE INDEX reviews_call ON reviews (call_id);
CREATE INDEX score_history_call ON score_history (call_id);
