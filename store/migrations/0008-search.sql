-- callqa store, version 8: the transcript search index (store/search/). One row per word of
-- each utterance: its position in the utterance and its term, `<language>:<stem>`, stemmed
-- per language in TypeScript (Snowball, as the rules do) because DuckDB's `fts` extension is
-- downloaded at run time and callqa runs offline. The call writer replaces a call's rows with
-- its other machine rows, in the same transaction. No key or index: a term lookup is a scan of
-- one narrow column, and a key would make each call's delete-and-append check it row by row.
-- The utterance's party is repeated here, as a field of the index, so a party filter needs no
-- join with `utterances` before the page of results is cut.
--
-- Calls stored before this version have no terms: `callqa reindex` rebuilds the index from
-- the stored utterances (it is safe to run at any time, and again).

CREATE TABLE search_terms (
  call_id VARCHAR NOT NULL,
  utterance_idx INTEGER NOT NULL,
  position INTEGER NOT NULL,   -- word number in the utterance, from 0
  term VARCHAR NOT NULL,       -- '<language>:<stem>', e.g. 'ru:счет'; '*:<word>' when the language is unknown
  party VARCHAR NOT NULL       -- the utterance's: agent | customer
);
