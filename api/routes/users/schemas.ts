import { CloneType, Type } from '@sinclair/typebox';
import { roles } from '../../roles.ts';
import { AgentId, Nullable, Timestamp, UserName, withErrors } from '../../schemas/common.ts';

const RoleName = Type.Union(roles.map((role) => Type.Literal(role)));
const TokenId = Type.String({ pattern: '^[0-9a-f]{16}$', description: "The token's public id: the first 16 hex digits of its sha256." });

const TokenRecord = Type.Object({
  token_id: TokenId,
  user_name: UserName,
  role: RoleName,
  label: Type.Union([Type.Literal('cli'), Type.Literal('api'), Type.Literal('startup')], { description: 'Where it was issued.' }),
  issued_by: Nullable(UserName),
  created_at: Timestamp,
  expires_at: Timestamp,
  revoked_at: Nullable(Timestamp),
  revoked_by: Nullable(UserName),
}, { description: 'A token as the audit trail keeps it; the token itself is never stored. issued_by / revoked_by: the admin who did it over the API, null for the CLI.' });

const UserNameParams = Type.Object({ userName: UserName });

export const meSchema = {
  summary: 'Who the token belongs to, and their role',
  tags: ['users'],
  response: withErrors({ 200: Type.Object({ user_name: UserName, role: RoleName }) }),
};

export const addUserSchema = {
  summary: 'Create a user (or reuse one with the same role) and issue a token, shown only in this answer',
  description: 'Minting a token for another user, the built-in admin included, is recorded with the minting admin (issued_by), and so is every review made with it.',
  tags: ['users'],
  body: Type.Object({
    user_name: UserName, role: RoleName,
    agent_id: Type.Optional(CloneType(AgentId, { description: 'Role agent only (and required for it): the agent id whose calls alone the user sees.' })),
    expires_in_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: "Lifetime; the server's tokenLifetimeDays (90) when left out." })),
  }, { additionalProperties: false }),
  response: withErrors({ 201: Type.Object({ user_name: UserName, role: RoleName, token: Type.String(), token_id: TokenId, expires_at: Timestamp }) }, 413, 415),
};

export const listTokensSchema = {
  summary: "A user's active tokens (neither revoked nor expired), newest first",
  tags: ['users'],
  params: UserNameParams,
  response: withErrors({ 200: Type.Array(TokenRecord) }, 404),
};

export const revokeTokenSchema = {
  summary: "Revoke one of a user's tokens; it is refused from the next request on",
  tags: ['users'],
  params: Type.Object({ userName: UserName, tokenId: TokenId }),
  response: withErrors({ 200: TokenRecord }, 404),
};
