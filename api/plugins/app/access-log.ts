/**
 * Records each answer of a route whose config names an `accessLog` kind, just before it is
 * sent (onSend), so no answer reaches a client unlogged and a client that then reads the log
 * finds the entry: served (2xx) or refused (403, the principal known but not admitted). Other answers (401 with
 * no principal to name, 404, 416) record nothing: no call's data left the server and no one
 * can be named. Audio counts once per listening: a request without Range, or whose range starts
 * at byte 0, opens a listening; the later ranges of seeking and buffering do not.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAccess, type AccessKind, type AccessOutcome } from '../../services/access-log.ts';
import { sharedPlugin } from '../shared-plugin.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The request serves a call's data and is recorded in the access log as this kind. */
    accessLog?: AccessKind;
  }
  interface FastifyRequest {
    /** Calls the answer served, when the route's params do not name them (a clip, an export). */
    accessedCallIds: readonly string[] | null;
  }
}

const continuesListening = (range: string | undefined) => range !== undefined && !/^bytes=0-/.test(range.trim());

function outcomeOf(reply: FastifyReply): AccessOutcome | null {
  if (reply.statusCode >= 200 && reply.statusCode < 300) return 'served';
  return reply.statusCode === 403 ? 'refused' : null;
}

function paramOf(request: FastifyRequest, name: string): string | null {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : null;
}

export const accessLogPlugin = sharedPlugin('callqa-access-log', async (app) => {
  app.decorateRequest('accessedCallIds', null);
  app.addHook('onSend', async (request, reply, payload) => {
    const kind = request.routeOptions.config.accessLog;
    const outcome = outcomeOf(reply);
    if (!kind || !outcome || !request.principal) return payload;
    if (kind === 'listen' && outcome === 'served' && continuesListening(request.headers.range)) return payload;
    const callId = paramOf(request, 'callId');
    const { userName, role, tokenId } = request.principal;
    await recordAccess(app.db, {
      userName, role, tokenId, kind, outcome,
      route: `${request.method} ${request.routeOptions.url}`,
      callIds: request.accessedCallIds ?? (callId ? [callId] : []),
      subject: paramOf(request, 'exampleId'),
      filters: kind === 'export' ? (request.query as Record<string, unknown>) : null,
      address: request.ip,
    });
    return payload;
  });
});
