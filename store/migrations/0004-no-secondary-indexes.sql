-- DuckDB 1.5.5 loses entries of non-unique ART indexes when a database is opened after a crash
-- (WAL replay) and closed again (duckdb/duckdb#23788): lookups through them then miss rows a
-- scan still finds, so a call's reviews vanish and re-analysis cannot delete the rows it
-- replaces. No table keeps a secondary index: these lookups are by one call, and DuckDB's
-- zone maps serve them from a scan fast enough (bench/api.bench.ts). Primary keys stay: they
-- are constraints, and they survive the replay (cli/analyze-crash.test.ts checks).
DROP INDEX IF EXISTS speech_segments_call;
DROP INDEX IF EXISTS analysis_runs_call;
DROP INDEX IF EXISTS reviews_call;
DROP INDEX IF EXISTS score_history_call;
DROP INDEX IF EXISTS api_tokens_user;
DROP INDEX IF EXISTS jobs_sha256;
DROP INDEX IF EXISTS example_clips_call;

-- Re-analysis after such a crash appended a call's voice activity beside the old rows it could
-- not find; speech_segments has no key, so keep one row of each identical set.
DELETE FROM speech_segments WHERE rowid NOT IN (
  SELECT min(rowid) FROM speech_segments GROUP BY call_id, channel, party, start_s, end_s
);
