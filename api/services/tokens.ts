/**
 * API tokens. A token is 32 random bytes shown once; only its sha256 is stored, so a copy of
 * the database gives no one access. Each token belongs to a user, and the user has one role.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CallqaError } from '../../core/errors.ts';
import type { Store } from '../../store/index.ts';
import type { Role } from '../roles.ts';
import { createSerializedDb, type SerializedDb } from './serialized-db.ts';

export interface Principal {
  userName: string;
  role: Role;
}

export type TokenLabel = 'cli' | 'api' | 'startup';

const tokenPrefix = 'cqa_';

/** What the database keeps of a token: its sha256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Creates the user if new and issues a token for them. An existing user keeps their role:
 * asking for another one is refused rather than silently changing who may do what.
 */
export async function issueToken(db: SerializedDb, user: Principal, label: TokenLabel): Promise<string> {
  const token = tokenPrefix + randomBytes(32).toString('base64url');
  await db.transaction(async (sql) => {
    const [existing] = await sql.all<{ role: string }>('SELECT role FROM users WHERE user_name = $1', [user.userName]);
    if (existing && existing.role !== user.role) {
      throw new CallqaError(
        'CQA_ERR_CONFIG_INVALID',
        `user "${user.userName}" already exists with role ${existing.role}, not ${user.role}; choose another name or keep the role`,
      );
    }
    if (!existing) await sql.run('INSERT INTO users VALUES ($1, $2, now())', [user.userName, user.role]);
    await sql.run('INSERT INTO api_tokens VALUES ($1, $2, $3, now(), NULL)', [hashToken(token), user.userName, label]);
  });
  return token;
}

/** The user a presented token belongs to; nothing for unknown or revoked tokens. */
export async function findPrincipal(db: SerializedDb, token: string): Promise<Principal | undefined> {
  if (!token.startsWith(tokenPrefix)) return undefined;
  const [row] = await db.all<Principal>(
    `SELECT u.user_name AS "userName", u.role AS role FROM api_tokens t JOIN users u USING (user_name)
     WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL`,
    [hashToken(token)],
  );
  return row;
}

/**
 * A fresh token for the built-in `admin` user, for `npm start` to print. Earlier start-up
 * tokens are revoked so restarts do not pile up live credentials.
 */
export async function ensureAdminToken(store: Store): Promise<string> {
  const db = createSerializedDb(store);
  await db.run("UPDATE api_tokens SET revoked_at = now() WHERE user_name = 'admin' AND label = 'startup' AND revoked_at IS NULL");
  return issueToken(db, { userName: 'admin', role: 'admin' }, 'startup');
}
