/** Agents acknowledge or dispute their calls' evaluations; reviewers resolve the disputes. */
import { requirePrincipal } from '../../plugins/app/auth.ts';
import { roleSets } from '../../roles.ts';
import { agentScopeOf } from '../../services/call-visibility.ts';
import { acknowledgeEvaluation, disputeEvaluation, listAgentResponses, resolveDispute } from '../../services/agent-responses.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { acknowledgeSchema, disputeSchema, listResponsesSchema, resolveSchema } from './schemas.ts';

export const agentResponseRoutes: RoutePlugin = async (app, { options: { disputeWindowDays, effects } }) => {
  app.post('/calls/:callId/acknowledgement', { schema: acknowledgeSchema, config: { access: roleSets.agents } }, async (request, reply) =>
    reply.code(201).send(await acknowledgeEvaluation(app.db, request.params.callId, requirePrincipal(request), request.body.comment ?? null)));

  app.post('/calls/:callId/disputes', { schema: disputeSchema, config: { access: roleSets.agents } }, async (request, reply) =>
    reply.code(201).send(await disputeEvaluation(app.db, request.params.callId, requirePrincipal(request), request.body,
      { days: disputeWindowDays, nowMs: effects.now() })));

  app.get('/agent-responses', { schema: listResponsesSchema, config: { access: roleSets.disputeReaders } }, async (request) =>
    app.db.read((sql) => listAgentResponses(sql, agentScopeOf(request), request.query)));

  app.post('/disputes/:responseId/resolution', { schema: resolveSchema, config: { access: roleSets.disputeResolvers } }, async (request) =>
    resolveDispute(app.db, request.params.responseId, requirePrincipal(request), request.body));
};
