/** Review sampling: policies that pick calls for human review, their runs, and each QA specialist's queue. */
import { requirePrincipal } from '../../plugins/app/auth.ts';
import { roleSets } from '../../roles.ts';
import { createSamplingPolicy, listQueue, listSamplingPolicies, runSamplingPolicy } from '../../services/sampling.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { createPolicySchema, listPoliciesSchema, myQueueSchema, runPolicySchema } from './schemas.ts';

export const samplingRoutes: RoutePlugin = async (app) => {
  app.post('/sampling-policies', { schema: createPolicySchema, config: { access: roleSets.samplers } }, async (request, reply) =>
    reply.code(201).send(await createSamplingPolicy(app.db, requirePrincipal(request).userName, request.body)));

  app.get('/sampling-policies', { schema: listPoliciesSchema, config: { access: roleSets.samplers } }, async () =>
    app.db.read((sql) => listSamplingPolicies(sql)));

  app.post('/sampling-policies/:policyId/runs', { schema: runPolicySchema, config: { access: roleSets.samplers } }, async (request, reply) =>
    reply.code(201).send(await runSamplingPolicy(app.db, request.params.policyId, request.body)));

  app.get('/review-queue', { schema: myQueueSchema, config: { access: roleSets.reviewers } }, async (request) =>
    app.db.read((sql) => listQueue(sql, requirePrincipal(request).userName, request.query.status)));
};
