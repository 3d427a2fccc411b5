/** Reviews: QA specialists override a rule result or the score; every change is kept. */
import { requirePrincipal } from '../../plugins/app/auth.ts';
import { agentScopeOf } from '../../services/call-visibility.ts';
import { roleSets } from '../../roles.ts';
import { ensureNotBlind } from '../../services/calibration.ts';
import { loadCallRef } from '../../services/call-detail.ts';
import { addReview, listReviews } from '../../services/reviews.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { addReviewSchema, listReviewsSchema } from './schemas.ts';

export const reviewRoutes: RoutePlugin = async (app) => {
  app.get('/calls/:callId/reviews', { schema: listReviewsSchema, config: { access: roleSets.everyone } }, async (request) => {
    await loadCallRef(app.db, request.params.callId, agentScopeOf(request)); // an unknown (or another agent's) call is a 404, not an empty list
    return app.db.read(async (sql) => {
      await ensureNotBlind(sql, requirePrincipal(request).userName, request.params.callId);
      return listReviews(sql, request.params.callId);
    });
  });

  app.post('/calls/:callId/reviews', { schema: addReviewSchema, config: { access: roleSets.reviewers } }, async (request, reply) => {
    const review = await addReview(app.db, request.params.callId, requirePrincipal(request), request.body);
    return reply.code(201).send(review);
  });
};
