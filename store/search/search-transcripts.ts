/**
 * Runs a transcript search over the `search_terms` index: every clause of the query must
 * match in the same utterance. Ranked by matches in the utterance, then by when the call took
 * place (newest first), then call id and utterance number, and paged by a keyset cursor on
 * that order, so a page costs the same deep in the results and new calls do not shift pages.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { CallqaError } from '../../core/errors.ts';
import { findWords } from '../../pipeline/rules/normalize.ts';
import type { Store } from '../open-store.ts';
import { parseSearchQuery, type SearchClause, type SearchParty } from './search-query.ts';
import { queryWordTerms } from './search-terms.ts';

export interface SearchRequest {
  query: string;
  party?: SearchParty;
  /** Only utterances in this language (their own, else their call's). */
  language?: string;
  limit: number;
  cursor?: string;
  /** Only this agent's calls (an agent's own search). */
  agentId?: string;
}

/** A matched word of the utterance: UTF-16 offsets into `text`, end exclusive. */
export interface MatchedSpan {
  start: number;
  end: number;
}

export interface UtteranceHit {
  call_id: string;
  file_name: string;
  /** When the call took place (its metadata), else when it was first analysed; ISO 8601. */
  call_date: string;
  utterance_idx: number;
  party: string;
  start_s: number;
  end_s: number;
  text: string;
  matches: MatchedSpan[];
  /** The web app's page for the call, opened at the utterance. */
  link: string;
}

export interface SearchPage {
  items: UtteranceHit[];
  next_cursor: string | null;
}

interface HitRow {
  call_id: string;
  file_name: string;
  call_date: string;
  date_us: number;
  utterance_idx: number;
  party: string;
  start_s: number;
  end_s: number;
  text: string;
  hits: number;
  marks: ClauseMark[];
}

type CursorKey = [hits: number, dateUs: number, callId: string, utteranceIdx: number];

function encodeCursor(row: HitRow): string {
  return Buffer.from(JSON.stringify([row.hits, row.date_us, row.call_id, row.utterance_idx] satisfies CursorKey)).toString('base64url');
}

function decodeCursor(encoded: string): CursorKey {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const isKey = Array.isArray(key) && key.length === 4 && Number.isSafeInteger(key[0]) && Number.isSafeInteger(key[1]) &&
    typeof key[2] === 'string' && Number.isSafeInteger(key[3]);
  if (!isKey) throw new CallqaError('CQA_ERR_API_BAD_REQUEST', 'cursor is malformed; use next_cursor exactly as a search answered it');
  return key as CursorKey;
}

/**
 * One clause as rows (clause, call_id, utterance_idx, first_position, last_position), one per
 * way it matches in an utterance: a phrase spans first..last, a NEAR pair marks the two words.
 */
function clauseSql(clause: SearchClause, index: number, termParam: (terms: string[]) => string, language: string | undefined): string {
  const terms = (word: string) => termParam(queryWordTerms(word, language));
  const sameUtterance = (alias: string) => `${alias}.call_id = t0.call_id AND ${alias}.utterance_idx = t0.utterance_idx`;
  const select = (last: string) => `SELECT ${index} AS clause, t0.call_id, t0.utterance_idx, t0.position AS first_position, ${last} AS last_position`;
  if (clause.kind === 'near') {
    return `${select('t1.position')} FROM query_terms t0
      JOIN query_terms t1 ON ${sameUtterance('t1')} AND t1.position BETWEEN t0.position - ${clause.distance} AND t0.position + ${clause.distance}
        AND t1.position <> t0.position AND t1.term IN ${terms(clause.right)}
      WHERE t0.term IN ${terms(clause.left)}`;
  }
  const joins = clause.words.slice(1).map((word, offset) =>
    `JOIN query_terms t${offset + 1} ON ${sameUtterance(`t${offset + 1}`)} AND t${offset + 1}.position = t0.position + ${offset + 1} AND t${offset + 1}.term IN ${terms(word)}`);
  return `${select(`t0.position + ${clause.words.length - 1}`)} FROM query_terms t0 ${joins.join(' ')}
    WHERE t0.term IN ${terms(clause.words[0]!)}`;
}

interface ClauseMark {
  clause: number;
  first: number;
  last: number;
}

/** The word positions a clause's matches mark: a phrase's whole run, a NEAR pair's two words. */
function markedPositions(clauses: readonly SearchClause[], marks: readonly ClauseMark[]): number[] {
  return marks.flatMap(({ clause, first, last }) => clauses[clause]!.kind === 'near'
    ? [first, last]
    : Array.from({ length: last - first + 1 }, (_, offset) => first + offset));
}

/** The spans of the matched word positions in the text, in order, each once. */
function matchedSpans(text: string, positions: readonly number[]): MatchedSpan[] {
  const words = findWords(text);
  return [...new Set(positions)].sort((a, b) => a - b).flatMap((position) => {
    const word = words[position];
    return word ? [{ start: word.start, end: word.end }] : [];
  });
}

/** One page of utterances matching the query; a malformed query is refused (CQA_ERR_SEARCH_QUERY_INVALID). */
export async function searchTranscripts(store: Store, request: SearchRequest): Promise<SearchPage> {
  const query = parseSearchQuery(request.query);
  const party = query.party ?? request.party ?? null;
  if (query.party && request.party && query.party !== request.party) {
    throw new CallqaError('CQA_ERR_SEARCH_QUERY_INVALID', `search query says party:${query.party} but the party filter says ${request.party}; keep one of them`);
  }
  const params: Record<string, DuckDBValue> = { limit: request.limit + 1 };
  const termParam = (terms: string[]) => `(${terms.map((term) => {
    const name = `term${Object.keys(params).length}`;
    params[name] = term;
    return `$${name}`;
  }).join(', ')})`;
  const termParamNames = () => Object.keys(params).filter((name) => name.startsWith('term')).map((name) => `$${name}`).join(', ');
  const clauseRows = query.clauses.map((clause, index) => `r${index} AS MATERIALIZED (${clauseSql(clause, index, termParam, request.language)})`);
  const clauseHits = query.clauses.map((_, index) =>
    `c${index} AS (SELECT call_id, utterance_idx, count(*)::INTEGER AS hits FROM r${index} GROUP BY ALL)`);
  const joined = query.clauses.slice(1).map((_, index) => `JOIN c${index + 1} USING (call_id, utterance_idx)`).join(' ');
  const hits = query.clauses.map((_, index) => `c${index}.hits`).join(' + ');
  const allRows = query.clauses.map((_, index) => `SELECT * FROM r${index}`).join(' UNION ALL ');
  const filters: string[] = [];
  if (request.cursor !== undefined) {
    const [cursorHits, dateUs, callId, utteranceIdx] = decodeCursor(request.cursor);
    Object.assign(params, { cursor_hits: cursorHits, cursor_date: dateUs, cursor_call: callId, cursor_utterance: utteranceIdx });
    filters.push(`(hits < $cursor_hits OR (hits = $cursor_hits AND (date_us < $cursor_date OR (date_us = $cursor_date AND
      (call_id > $cursor_call OR (call_id = $cursor_call AND utterance_idx > $cursor_utterance))))))`);
  }
  if (party) params.party = party;
  if (request.agentId !== undefined) params.agent_id = request.agentId;
  // One scan of the index for every word of the query; the clauses then join the few rows it
  // keeps. The page is chosen from the index and the calls alone: utterances (text, times) are
  // read for the page's rows only.
  const queryTerms = `query_terms AS MATERIALIZED (SELECT call_id, utterance_idx, position, term FROM search_terms
    WHERE term IN (${termParamNames()}) ${party ? 'AND party = $party' : ''})`;
  const sql = `WITH ${[queryTerms, ...clauseRows, ...clauseHits].join(',\n')},
    matched AS (SELECT call_id, utterance_idx, (${hits})::INTEGER AS hits FROM c0 ${joined}),
    dated AS (SELECT m.*, epoch_us(coalesce(CAST(c.started_at AS TIMESTAMPTZ), c.first_analysed_at))::BIGINT AS date_us
      FROM matched m JOIN calls c USING (call_id) ${request.agentId === undefined ? '' : 'WHERE c.agent_id = $agent_id'}),
    page AS MATERIALIZED (SELECT * FROM dated ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
      ORDER BY hits DESC, date_us DESC, call_id, utterance_idx LIMIT $limit),
    marks AS (SELECT call_id, utterance_idx, list({'clause': clause, 'first': first_position, 'last': last_position}) AS marks
      FROM (${allRows}) SEMI JOIN page USING (call_id, utterance_idx) GROUP BY ALL)
    SELECT p.call_id, c.file_name,
      coalesce(strftime(c.started_at, '%Y-%m-%dT%H:%M:%S'), strftime(c.first_analysed_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ')) AS call_date,
      p.date_us::DOUBLE AS date_us, p.utterance_idx, u.party, u.start_s, u.end_s, u.text, p.hits, k.marks
    FROM page p JOIN marks k USING (call_id, utterance_idx) JOIN utterances u USING (call_id, utterance_idx) JOIN calls c USING (call_id)
    ORDER BY p.hits DESC, p.date_us DESC, p.call_id, p.utterance_idx`;
  const reader = await store.connection.runAndReadAll(sql, params);
  const rows = reader.getRowObjectsJS() as unknown as HitRow[];
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      call_id: row.call_id, file_name: row.file_name, call_date: row.call_date, utterance_idx: row.utterance_idx, party: row.party,
      start_s: row.start_s, end_s: row.end_s, text: row.text, matches: matchedSpans(row.text, markedPositions(query.clauses, row.marks)),
      link: `#/calls/${row.call_id}?t=${Math.round(row.start_s * 100) / 100}`,
    })),
    next_cursor: rows.length > request.limit && last ? encodeCursor(last) : null,
  };
}
