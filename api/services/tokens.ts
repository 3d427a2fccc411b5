/**
 * API tokens. A token is 32 random bytes shown once; only its sha256 is stored, so a copy of
 * the database gives no one access. Each token belongs to a user, and the user has one role.
 * A token expires (90 days unless configured) and can be revoked; it is named in lists and
 * revocations by its id, the first 16 hex digits of its sha256, which gives nothing away.
 *
 * Who acted: the server cannot tell who holds a token, only whom it was minted for and by
 * whom. So a token an admin mints over the API for someone else records that admin
 * (`issued_by`), and everything done with it carries both names (a review's `reviewer` and
 * `token_issued_by`): an admin who mints a token for `dana` or the built-in `admin` and
 * reviews with it is named in the review history. The CLI and start-up tokens are issued by
 * whoever can open the database file, who is no API user (NULL).
 */
import { createHash, randomBytes } from 'node:crypto';
import { CallqaError } from '../../core/errors.ts';
import type { Store } from '../../store/index.ts';
import type { Role } from '../roles.ts';
import { createSerializedDb, isoTimestampSql, type SerializedDb } from './serialized-db.ts';

export interface Principal {
  userName: string;
  role: Role;
  tokenId: string;
  /** The API user who minted the token for someone else; null when the user or the operator did. */
  tokenIssuedBy: string | null;
  /** Role agent: the agent id whose calls alone the user sees; null for every other role. */
  agentId: string | null;
}

export type TokenLabel = 'cli' | 'api' | 'startup';

/** A token as lists show it; never the token itself. */
export interface TokenRecord {
  token_id: string;
  user_name: string;
  role: Role;
  label: TokenLabel;
  issued_by: string | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface TokenIssue {
  label: TokenLabel;
  /** Default: 90 days. */
  lifetimeDays?: number;
  /** The API user minting it; null (the default) for the CLI and start-up. */
  issuedBy?: string | null;
}

const tokenPrefix = 'cqa_';
const tokenIdLength = 16;
export const defaultTokenLifetimeDays = 90;
const maxTokenLifetimeDays = 3650;

/** What the database keeps of a token: its sha256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token's public id. */
export function tokenIdOf(token: string): string {
  return hashToken(token).slice(0, tokenIdLength);
}

/** Lifetime in days: `value` (a flag or option) > CALLQA_TOKEN_LIFETIME_DAYS > 90. */
export function resolveTokenLifetimeDays(value: string | number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = value === undefined && env.CALLQA_TOKEN_LIFETIME_DAYS !== undefined;
  const source = fromEnv ? 'CALLQA_TOKEN_LIFETIME_DAYS' : 'token lifetime';
  const raw = value ?? env.CALLQA_TOKEN_LIFETIME_DAYS ?? defaultTokenLifetimeDays;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > maxTokenLifetimeDays) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `${source} must be a whole number of days from 1 to ${maxTokenLifetimeDays}, got "${raw}"`);
  }
  return days;
}

const tokenColumns = `left(t.token_sha256, ${tokenIdLength}) AS token_id, t.user_name, u.role, t.label, t.issued_by,
  ${isoTimestampSql('t.created_at')} AS created_at, ${isoTimestampSql('t.expires_at')} AS expires_at,
  ${isoTimestampSql('t.revoked_at')} AS revoked_at, t.revoked_by`;

/**
 * Creates the user if new and issues a token for them. An existing user keeps their role:
 * asking for another one is refused rather than silently changing who may do what.
 */
export async function issueToken(
  db: SerializedDb, user: Pick<Principal, 'userName' | 'role'> & { agentId?: string | null }, issue: TokenIssue,
): Promise<string> {
  const token = tokenPrefix + randomBytes(32).toString('base64url');
  const agentId = user.agentId ?? null;
  if ((user.role === 'agent') !== (agentId !== null)) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', user.role === 'agent'
      ? `user "${user.userName}" has role agent but no agent id; give the id their calls carry (--agent-id ID)`
      : `an agent id is for role agent only, not ${user.role}; leave out --agent-id`);
  }
  await db.transaction(async (sql) => {
    const [existing] = await sql.all<{ role: string; agent_id: string | null }>('SELECT role, agent_id FROM users WHERE user_name = $1', [user.userName]);
    if (existing && (existing.role !== user.role || existing.agent_id !== agentId)) {
      throw new CallqaError(
        'CQA_ERR_CONFIG_INVALID',
        `user "${user.userName}" already exists with role ${existing.role}${existing.agent_id ? ` (agent ${existing.agent_id})` : ''}, not ${user.role}${agentId ? ` (agent ${agentId})` : ''}; choose another name or keep the role`,
      );
    }
    if (!existing) await sql.run('INSERT INTO users (user_name, role, created_at, agent_id) VALUES ($1, $2, now(), $3)', [user.userName, user.role, agentId]);
    await sql.run(
      `INSERT INTO api_tokens (token_sha256, user_name, label, created_at, expires_at, issued_by)
       VALUES ($1, $2, $3, now(), now() + to_days($4::INTEGER), $5)`,
      [hashToken(token), user.userName, issue.label, issue.lifetimeDays ?? defaultTokenLifetimeDays,
        issue.issuedBy === user.userName ? null : (issue.issuedBy ?? null)],
    );
  });
  return token;
}

export type TokenLookup =
  | { status: 'valid'; principal: Principal }
  | { status: 'expired'; tokenId: string; userName: string; expiredAt: string }
  | { status: 'unknown' };

/** What a presented token is: a principal, an expired token, or nothing (unknown or revoked). */
export async function lookUpToken(db: SerializedDb, token: string): Promise<TokenLookup> {
  if (!token.startsWith(tokenPrefix)) return { status: 'unknown' };
  const [row] = await db.all<Principal & { expired: boolean; expiredAt: string }>(
    `SELECT u.user_name AS "userName", u.role AS role, left(t.token_sha256, ${tokenIdLength}) AS "tokenId", t.issued_by AS "tokenIssuedBy", u.agent_id AS "agentId",
            t.expires_at <= now() AS expired, ${isoTimestampSql('t.expires_at')} AS "expiredAt"
     FROM api_tokens t JOIN users u USING (user_name)
     WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL`,
    [hashToken(token)],
  );
  if (!row) return { status: 'unknown' };
  const { expired, expiredAt, ...principal } = row;
  return expired ? { status: 'expired', tokenId: principal.tokenId, userName: principal.userName, expiredAt } : { status: 'valid', principal };
}

/** The user a presented token belongs to; nothing for unknown, revoked or expired tokens. */
export async function findPrincipal(db: SerializedDb, token: string): Promise<Principal | undefined> {
  const found = await lookUpToken(db, token);
  return found.status === 'valid' ? found.principal : undefined;
}

function userNotFound(userName: string): CallqaError {
  return new CallqaError('CQA_ERR_USER_NOT_FOUND', `no user "${userName}"; list users' tokens with callqa users tokens`);
}

/** A user's tokens that are neither revoked nor expired, newest first; all users' without a name. */
export async function listActiveTokens(db: SerializedDb, userName?: string): Promise<TokenRecord[]> {
  return db.read(async (sql) => {
    if (userName !== undefined) {
      const [user] = await sql.all('SELECT 1 FROM users WHERE user_name = $1', [userName]);
      if (!user) throw userNotFound(userName);
    }
    return sql.all<TokenRecord>(
      `SELECT ${tokenColumns} FROM api_tokens t JOIN users u USING (user_name)
       WHERE t.revoked_at IS NULL AND t.expires_at > now() AND ($1::VARCHAR IS NULL OR t.user_name = $1)
       ORDER BY t.created_at DESC, token_id`,
      [userName ?? null],
    );
  });
}

/**
 * Revokes a user's active tokens, or only the one with `tokenId`, and returns what it revoked.
 * `revokedBy` is the API user doing it (null for the CLI). An unknown user, or a token id
 * that names none of the user's active tokens, is a CQA_ERR_USER_NOT_FOUND.
 */
export async function revokeTokens(db: SerializedDb, userName: string, options: { tokenId?: string; revokedBy: string | null }): Promise<TokenRecord[]> {
  return db.transaction(async (sql) => {
    const [user] = await sql.all('SELECT 1 FROM users WHERE user_name = $1', [userName]);
    if (!user) throw userNotFound(userName);
    const matching = `user_name = $1 AND revoked_at IS NULL AND ($2::VARCHAR IS NULL OR left(token_sha256, ${tokenIdLength}) = $2)`;
    const [{ count = 0 } = {}] = await sql.all<{ count: number }>(`SELECT count(*)::INTEGER AS count FROM api_tokens WHERE ${matching}`, [userName, options.tokenId ?? null]);
    if (options.tokenId !== undefined && count === 0) {
      throw new CallqaError('CQA_ERR_USER_NOT_FOUND', `user "${userName}" has no unrevoked token ${options.tokenId}; list them with callqa users tokens ${userName}`);
    }
    // now() is the transaction's start time in DuckDB, so it also finds the rows just revoked.
    await sql.run(`UPDATE api_tokens SET revoked_at = now(), revoked_by = $3 WHERE ${matching}`, [userName, options.tokenId ?? null, options.revokedBy]);
    return sql.all<TokenRecord>(
      `SELECT ${tokenColumns} FROM api_tokens t JOIN users u USING (user_name)
       WHERE t.user_name = $1 AND t.revoked_at = now() ORDER BY t.created_at DESC, token_id`,
      [userName],
    );
  });
}

/**
 * A fresh token for the built-in `admin` user, for `npm start` to print. Earlier start-up
 * tokens are revoked so restarts do not pile up live credentials.
 */
export async function ensureAdminToken(store: Store, lifetimeDays: number = resolveTokenLifetimeDays(undefined)): Promise<string> {
  const db = createSerializedDb(store);
  await db.run("UPDATE api_tokens SET revoked_at = now() WHERE user_name = 'admin' AND label = 'startup' AND revoked_at IS NULL");
  return issueToken(db, { userName: 'admin', role: 'admin' }, { label: 'startup', lifetimeDays });
}
