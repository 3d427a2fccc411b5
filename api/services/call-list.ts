/** Call lists: one page with a cursor for the UI, or every matching call for an export. */
import type { CallFilters, CallSortKey } from '../schemas/call-filters.ts';
import type { CallSummary } from '../schemas/call-summary.ts';
import { visibilitySql, type CallVisibility } from './call-visibility.ts';
import { cursorClause, decodeCursor, encodeCursor } from './call-cursor.ts';
import { buildFilterSql, sortExpressions, type FilterSql } from './call-filter-sql.ts';
import { isoTimestampSql, type SqlRunner } from './serialized-db.ts';

export interface CallPage {
  items: CallSummary[];
  next_cursor: string | null;
}

type SummaryRow = CallSummary & { sort_value: number | string };

/**
 * The page is chosen first (top-N over the view), then formatted and given its failed and
 * uncertain rules, which are looked up for the page's calls only.
 */
function summarySelect(filterSql: FilterSql, sort: CallSortKey, order: 'asc' | 'desc', limitSql: string): string {
  return `WITH page AS MATERIALIZED (
      SELECT c.call_id, c.file_name, c.channel, c.first_analysed_at, c.analysed_at, c.duration_s, c.channels, c.language, c.agent_id,
        c.started_at, c.queue, c.direction,
        c.effective_score, c.score, c.score_review_id, ${sortExpressions[sort]} AS sort_value
      FROM effective_calls c ${filterSql.where}
      ORDER BY sort_value ${order}, c.call_id ${order} ${limitSql}),
    verdicts AS (
      SELECT r.call_id,
        list(r.rule_id ORDER BY r.rule_id) FILTER (WHERE r.effective_status = 'fail') AS failed_rules,
        list(r.rule_id ORDER BY r.rule_id) FILTER (WHERE r.effective_status = 'uncertain') AS uncertain_rules
      FROM effective_rule_results r
      WHERE r.call_id IN (SELECT call_id FROM page) AND r.effective_status IN ('fail', 'uncertain') GROUP BY r.call_id)
    SELECT p.call_id, p.file_name, p.channel, ${isoTimestampSql('p.first_analysed_at')} AS first_analysed_at,
      ${isoTimestampSql('p.analysed_at')} AS analysed_at, p.duration_s, p.channels::INTEGER AS channels, p.language, p.agent_id,
      strftime(p.started_at, '%Y-%m-%dT%H:%M:%S') AS started_at, p.queue, p.direction,
      p.effective_score AS score, p.score AS machine_score, p.score_review_id IS NOT NULL AS score_overridden,
      coalesce(verdicts.failed_rules, []) AS failed_rules, coalesce(verdicts.uncertain_rules, []) AS uncertain_rules,
      coalesce(len(verdicts.uncertain_rules), 0) > 0 AS needs_review, p.sort_value
    FROM page p LEFT JOIN verdicts USING (call_id)
    ORDER BY p.sort_value ${order}, p.call_id ${order}`;
}

/** One page of the visible calls matching the filters, after the cursor when one is given. */
export async function listCallPage(sql: SqlRunner, filters: CallFilters, page: { limit: number; cursor?: string }, visibility: CallVisibility): Promise<CallPage> {
  const sort = filters.sort ?? 'first_analysed_at';
  const order = filters.order ?? 'desc';
  const after = page.cursor === undefined ? undefined : cursorClause(decodeCursor(page.cursor, sort, order));
  const visible = visibilitySql(visibility);
  const filterSql = buildFilterSql(filters, [...(after ? [after.clause] : []), ...visible.clauses], { ...after?.params, ...visible.params, limit: page.limit + 1 });
  const rows = await sql.all<SummaryRow>(summarySelect(filterSql, sort, order, 'LIMIT $limit'), filterSql.params);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  const hasMore = rows.length > page.limit && last !== undefined;
  return {
    items: items.map(({ sort_value: _sortValue, ...summary }) => summary),
    next_cursor: hasMore ? encodeCursor({ sort, order, sortValue: last.sort_value, callId: last.call_id }) : null,
  };
}

/** Every visible call matching the filters, in the requested order. */
export async function listAllCalls(sql: SqlRunner, filters: CallFilters, visibility: CallVisibility): Promise<CallSummary[]> {
  const visible = visibilitySql(visibility);
  const filterSql = buildFilterSql(filters, visible.clauses, visible.params);
  const rows = await sql.all<SummaryRow>(summarySelect(filterSql, filters.sort ?? 'first_analysed_at', filters.order ?? 'desc', ''), filterSql.params);
  return rows.map(({ sort_value: _sortValue, ...summary }) => summary);
}
