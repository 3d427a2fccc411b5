/**
 * Users and tokens over HTTP, for when the server holds the database and `callqa users add`
 * cannot open it. Only admins issue tokens.
 */
import { requirePrincipal } from '../../plugins/app/auth.ts';
import { roleSets } from '../../roles.ts';
import { issueToken } from '../../services/tokens.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { addUserSchema, meSchema } from './schemas.ts';

export const userRoutes: RoutePlugin = async (app) => {
  app.get('/me', { schema: meSchema, config: { access: roleSets.everyone } }, async (request) => {
    const { userName, role } = requirePrincipal(request);
    return { user_name: userName, role };
  });

  app.post('/users', { schema: addUserSchema, config: { access: roleSets.admins } }, async (request, reply) => {
    const { user_name, role } = request.body;
    const token = await issueToken(app.db, { userName: user_name, role }, 'api');
    return reply.code(201).send({ user_name, role, token });
  });
};
