/**
 * Authentication and authorisation as one onRequest hook decided by route config: the route's
 * `access` lists the roles it admits. A route that forgot to declare it admits no one, so a
 * missing declaration fails closed. Unknown routes fall through to the 404 handler.
 */
import type { FastifyRequest } from 'fastify';
import { CallqaError } from '../../../core/errors.ts';
import { lookUpToken, type Principal } from '../../services/tokens.ts';
import { sharedPlugin } from '../shared-plugin.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request; null on public routes. */
    principal: Principal | null;
  }
}

function bearerTokenOf(request: FastifyRequest): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** The principal of an authenticated request; routes call it where they record who acted. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new CallqaError('CQA_ERR_API_UNAUTHENTICATED', 'this route needs an API token');
  return request.principal;
}

export const authPlugin = sharedPlugin('callqa-auth', async (app) => {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    const token = bearerTokenOf(request);
    const found = token === undefined ? { status: 'unknown' as const } : await lookUpToken(app.db, token);
    if (found.status === 'expired') {
      throw new CallqaError(
        'CQA_ERR_API_TOKEN_EXPIRED',
        `token ${found.tokenId} of user ${found.userName} expired at ${found.expiredAt}; ask an admin for a new one (callqa users add ${found.userName} --role ROLE)`,
      );
    }
    if (found.status !== 'valid') {
      throw new CallqaError(
        'CQA_ERR_API_UNAUTHENTICATED',
        `${request.method} ${request.routeOptions.url} needs "Authorization: Bearer <token>" with a valid token; ask an admin for one (callqa users add NAME --role ROLE)`,
      );
    }
    const principal = found.principal;
    request.principal = principal;
    if (!access?.includes(principal.role)) {
      throw new CallqaError(
        'CQA_ERR_API_FORBIDDEN',
        `user ${principal.userName} (role ${principal.role}) may not use ${request.method} ${request.routeOptions.url}; it admits: ${(access ?? []).join(', ') || 'no one'}`,
      );
    }
  });
});
