/**
 * Keyset pagination: a cursor is the sort key and call id of the last row served, so a page
 * costs the same at row 10 as at row 10 000 and rows added meanwhile do not shift pages. The
 * cursor names its sort, so one made for another sort is refused instead of skipping rows.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { CallqaError } from '../../core/errors.ts';
import type { CallSortKey } from '../schemas/call-filters.ts';
import { sortExpressions } from './call-filter-sql.ts';

export interface CallCursor {
  sort: CallSortKey;
  order: 'asc' | 'desc';
  sortValue: number | string;
  callId: string;
}

/** The opaque next_cursor: base64url of [sort, order, sort value, call id]. */
export function encodeCursor(cursor: CallCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.order, cursor.sortValue, cursor.callId])).toString('base64url');
}

/**
 * Sort values the server makes (epoch microseconds, scores, durations) are finite and well
 * inside ±2^53; DuckDB binds an integral number as BIGINT, so a tampered 1e308 would fail
 * there instead of being refused here.
 */
function isBindableNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
}

function isCursorTuple(value: unknown): value is [CallSortKey, 'asc' | 'desc', number | string, string] {
  if (!Array.isArray(value) || value.length !== 4) return false;
  const [sort, order, sortValue, callId] = value as unknown[];
  return typeof sort === 'string' && sort in sortExpressions && (order === 'asc' || order === 'desc') &&
    (sort === 'agent_id' ? typeof sortValue === 'string' : isBindableNumber(sortValue)) &&
    typeof callId === 'string' && /^[0-9a-f]{16}$/.test(callId);
}

/** Decodes a cursor made by this server for the same sort and order. */
export function decodeCursor(encoded: string, sort: CallSortKey, order: 'asc' | 'desc'): CallCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!isCursorTuple(parsed)) throw new CallqaError('CQA_ERR_API_BAD_REQUEST', 'cursor is malformed; use next_cursor exactly as a list answered it');
  const [cursorSort, cursorOrder, sortValue, callId] = parsed;
  if (cursorSort !== sort || cursorOrder !== order) {
    throw new CallqaError('CQA_ERR_API_BAD_REQUEST', `cursor was made for sort=${cursorSort}&order=${cursorOrder}; repeat that sort or start without a cursor`);
  }
  return { sort, order, sortValue, callId };
}

/** The clause selecting rows after the cursor, and its parameters. */
export function cursorClause(cursor: CallCursor): { clause: string; params: Record<string, DuckDBValue> } {
  const expression = sortExpressions[cursor.sort];
  const after = cursor.order === 'asc' ? '>' : '<';
  return {
    clause: `(${expression} ${after} $cursor_value OR (${expression} = $cursor_value AND c.call_id ${after} $cursor_call_id))`,
    params: { cursor_value: cursor.sortValue, cursor_call_id: cursor.callId },
  };
}
