/**
 * The access log: who listened to, downloaded or read which call, when and from where. Written
 * by the access-log plugin after each answer, read by `GET /access-log` and `callqa access-log`.
 * It names tokens by their public id only, never the token.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../roles.ts';
import { isoTimestampSql, type SerializedDb, type SqlRunner } from './serialized-db.ts';

export const accessKinds = ['listen', 'clip', 'detail', 'export'] as const;
export type AccessKind = (typeof accessKinds)[number];
export const accessOutcomes = ['served', 'refused'] as const;
export type AccessOutcome = (typeof accessOutcomes)[number];

export interface AccessEntry {
  userName: string;
  role: Role;
  tokenId: string;
  kind: AccessKind;
  outcome: AccessOutcome;
  route: string;
  callIds: readonly string[];
  subject: string | null;
  filters: Readonly<Record<string, unknown>> | null;
  address: string;
}

export interface AccessLogRow {
  entry_id: string;
  accessed_at: string;
  user_name: string;
  role: Role;
  token_id: string;
  kind: AccessKind;
  outcome: AccessOutcome;
  route: string;
  call_ids: string[];
  subject: string | null;
  filters: Record<string, unknown> | null;
  address: string;
}

export interface AccessLogFilter {
  call?: string;
  user?: string;
  /** ISO 8601 bounds, from inclusive, to exclusive. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export const accessLogPageSize = { default: 100, max: 1000 } as const;

export async function recordAccess(db: SerializedDb, entry: AccessEntry): Promise<void> {
  await db.run(
    `INSERT INTO access_log VALUES ($1, now(), $2, $3, $4, $5, $6, $7, $8::VARCHAR[], $9, $10::JSON, $11)`,
    [randomUUID(), entry.userName, entry.role, entry.tokenId, entry.kind, entry.outcome, entry.route,
      JSON.stringify(entry.callIds), entry.subject, entry.filters && JSON.stringify(entry.filters), entry.address],
  );
}

/** Entries matching every given filter, newest first. */
export async function findAccessEntries(sql: SqlRunner, filter: AccessLogFilter): Promise<AccessLogRow[]> {
  const rows = await sql.all<Omit<AccessLogRow, 'filters'> & { filters: string | null }>(
    `SELECT entry_id, ${isoTimestampSql('accessed_at')} AS accessed_at, user_name, role, token_id, kind, outcome,
       route, call_ids, subject, filters::VARCHAR AS filters, address
     FROM access_log
     WHERE ($1::VARCHAR IS NULL OR list_contains(call_ids, $1)) AND ($2::VARCHAR IS NULL OR user_name = $2)
       AND ($3::TIMESTAMPTZ IS NULL OR accessed_at >= $3::TIMESTAMPTZ) AND ($4::TIMESTAMPTZ IS NULL OR accessed_at < $4::TIMESTAMPTZ)
     ORDER BY accessed_at DESC, entry_id LIMIT $5 OFFSET $6`,
    [filter.call ?? null, filter.user ?? null, filter.from ?? null, filter.to ?? null,
      filter.limit ?? accessLogPageSize.default, filter.offset ?? 0],
  );
  return rows.map((row) => ({ ...row, call_ids: [...row.call_ids], filters: row.filters === null ? null : (JSON.parse(row.filters) as Record<string, unknown>) }));
}
