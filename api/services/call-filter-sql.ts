/**
 * Turns call filters into SQL over the `effective_calls` view (aliased `c`), where reviews
 * already overlay the machine's score. Each filter is one parameterised clause, as data; no
 * request value is ever spliced into the SQL text.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { CallFilters, CallSortKey } from '../schemas/call-filters.ts';
import { resolveTimestampParam } from './timestamp-param.ts';

type FilterName = Exclude<keyof CallFilters, 'sort' | 'order'>;

/** When a call took place: its metadata's start (the contact centre's clock), else its first analysis. */
export const callDateSql = 'coalesce(CAST(c.started_at AS TIMESTAMPTZ), c.first_analysed_at)';

const filterClauses: Readonly<Record<FilterName, string>> = {
  agent: 'c.agent_id = $agent',
  from: `${callDateSql} >= $from::TIMESTAMPTZ`,
  to: `${callDateSql} < $to::TIMESTAMPTZ`,
  queue: 'c.queue = $queue',
  direction: 'c.direction = $direction',
  channel: 'c.channel = $channel',
  language: 'c.language = $language',
  score_min: 'c.effective_score >= $score_min',
  score_max: 'c.effective_score <= $score_max',
  // Uncorrelated IN rather than EXISTS: DuckDB then builds its semi-join from the few matching
  // rows instead of every call's (a text search costs 14 ms of CPU instead of 23).
  failed_rule: "c.call_id IN (SELECT r.call_id FROM effective_rule_results r WHERE r.rule_id = $failed_rule AND r.effective_status = 'fail')",
  needs_review: "(c.call_id IN (SELECT r.call_id FROM effective_rule_results r WHERE r.effective_status = 'uncertain')) = $needs_review",
  event_type: 'c.call_id IN (SELECT e.call_id FROM events e WHERE e.type = $event_type)',
  q: 'c.call_id IN (SELECT u.call_id FROM utterances u WHERE contains(lower(u.text), lower($q)))',
};

/**
 * Sort keys as SQL expressions that are never NULL (missing values sort as -1 or ''), so a
 * keyset cursor can compare them; the same expression is what the cursor carries.
 */
export const sortExpressions: Readonly<Record<CallSortKey, string>> = {
  first_analysed_at: 'epoch_us(c.first_analysed_at)::DOUBLE',
  started_at: `epoch_us(${callDateSql})::DOUBLE`,
  score: 'coalesce(c.effective_score, -1)',
  duration_s: 'coalesce(c.duration_s, -1)',
  agent_id: "coalesce(c.agent_id, '')",
};

export interface FilterSql {
  /** `WHERE …` or an empty string. */
  where: string;
  params: Record<string, DuckDBValue>;
}

/** The WHERE clause for the filters that are set, plus any clauses and parameters the caller adds. */
export function buildFilterSql(filters: CallFilters, extraClauses: readonly string[] = [], extraParams: Record<string, DuckDBValue> = {}): FilterSql {
  const clauses: string[] = [];
  const params: Record<string, DuckDBValue> = { ...extraParams };
  for (const name of Object.keys(filterClauses) as FilterName[]) {
    const value = filters[name];
    if (value === undefined) continue;
    clauses.push(filterClauses[name]);
    params[name] = (name === 'from' || name === 'to') && typeof value === 'string' ? resolveTimestampParam(name, value) : value;
  }
  clauses.push(...extraClauses);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
