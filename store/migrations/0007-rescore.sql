-- callqa store, version 7: rescoring stored calls with the current rule packs and scorecard
-- (store/rescore/). A result that a re-analysis or a rescore replaces moves to result_history;
-- each rescore is a run with its filters, the versions it judged with and its diff.

CREATE TABLE result_history (
  call_id VARCHAR NOT NULL,
  run_id VARCHAR NOT NULL,                  -- the run that made the result (analysis_runs or rescore_runs)
  replaced_by_run_id VARCHAR NOT NULL,
  score DOUBLE,
  result_json JSON NOT NULL,                -- the callqa.call/1 object as it was stored
  replaced_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE rescore_runs (
  run_id VARCHAR PRIMARY KEY,
  status VARCHAR NOT NULL,                  -- running | ok | error
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  filters JSON NOT NULL,                    -- {"since", "agent", "language"}; null where not given
  versions JSON NOT NULL,                   -- {"rule_packs": {"en": {"hash", "label"}, …}, "scorecard": {"hash", "label"}}
  calls_rescored INTEGER,                   -- calls the filters selected
  calls_written INTEGER,                    -- whose stored result changed (verdicts, score, evidence or versions)
  calls_changed INTEGER,                    -- whose score or a rule verdict changed: the diff
  error_message VARCHAR,
  callqa_version VARCHAR NOT NULL
);

CREATE TABLE rescore_changes (
  run_id VARCHAR NOT NULL,
  call_id VARCHAR NOT NULL,
  score_before DOUBLE,
  score_after DOUBLE,
  rules JSON NOT NULL,                      -- [{"rule_id", "before", "after"}] for each verdict that changed; null where absent
  PRIMARY KEY (run_id, call_id)
);

-- No secondary index on result_history: DuckDB #23788 loses such entries after a WAL replay (see 0004).
