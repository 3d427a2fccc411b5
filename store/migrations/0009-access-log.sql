-- Who listened to, downloaded or read which call (QA data is personal data). Append-only; no
-- secondary index (DuckDB #23788, see 0004): reads filter by full scan, which a log this size allows.
-- Never holds a token: token_id is the public id (first 16 hex digits of the token's sha256).
CREATE TABLE access_log (
  entry_id VARCHAR PRIMARY KEY,
  accessed_at TIMESTAMPTZ NOT NULL,
  user_name VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  token_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,                    -- listen | clip | detail | export
  outcome VARCHAR NOT NULL,                 -- served | refused
  route VARCHAR NOT NULL,                   -- e.g. GET /api/v1/calls/:callId/audio
  call_ids VARCHAR[] NOT NULL,              -- the calls served; an export's every row
  subject VARCHAR,                          -- what was asked for when it is not a call (an example id)
  filters JSON,                             -- an export's query string, as parsed
  address VARCHAR NOT NULL
);
