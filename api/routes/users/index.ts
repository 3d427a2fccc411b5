/**
 * Users and tokens over HTTP, for when the server holds the database and `callqa users`
 * cannot open it. Only admins issue, list and revoke tokens; each of those records the admin.
 */
import { requirePrincipal } from '../../plugins/app/auth.ts';
import { roleSets } from '../../roles.ts';
import { issueToken, listActiveTokens, revokeTokens, tokenIdOf } from '../../services/tokens.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { addUserSchema, listTokensSchema, meSchema, revokeTokenSchema } from './schemas.ts';

export const userRoutes: RoutePlugin = async (app, { options: { tokenLifetimeDays } }) => {
  app.get('/me', { schema: meSchema, config: { access: roleSets.everyone } }, async (request) => {
    const { userName, role } = requirePrincipal(request);
    return { user_name: userName, role };
  });

  app.post('/users', { schema: addUserSchema, config: { access: roleSets.admins } }, async (request, reply) => {
    const { user_name, role, agent_id, expires_in_days } = request.body;
    const token = await issueToken(app.db, { userName: user_name, role, agentId: agent_id ?? null }, {
      label: 'api', lifetimeDays: expires_in_days ?? tokenLifetimeDays, issuedBy: requirePrincipal(request).userName,
    });
    const [issued] = (await listActiveTokens(app.db, user_name)).filter((record) => record.token_id === tokenIdOf(token));
    return reply.code(201).send({ user_name, role, token, token_id: tokenIdOf(token), expires_at: issued!.expires_at });
  });

  app.get('/users/:userName/tokens', { schema: listTokensSchema, config: { access: roleSets.admins } }, async (request) =>
    listActiveTokens(app.db, request.params.userName));

  app.delete('/users/:userName/tokens/:tokenId', { schema: revokeTokenSchema, config: { access: roleSets.admins } }, async (request) => {
    const { userName, tokenId } = request.params;
    const [revoked] = await revokeTokens(app.db, userName, { tokenId, revokedBy: requirePrincipal(request).userName });
    return revoked!;
  });
};
