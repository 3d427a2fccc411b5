/**
 * Rescores: the server is the database's single writer while it runs, so the archive is rescored
 * here, under the whole lock (no upload's saveCall lands between a batch's read and its write),
 * with the rule packs and scorecard the server loaded at start.
 */
import { findRescoreReport, rescoreCalls, resolveRescoreFilters } from '../../../store/rescore/index.ts';
import { roleSets } from '../../roles.ts';
import { rescoreNotFound } from '../../services/not-found.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { rescoreSchema, startRescoreSchema } from './schemas.ts';

export const rescoreRoutes: RoutePlugin = async (app, { options }) => {
  app.post('/rescores', { schema: startRescoreSchema, config: { access: roleSets.admins } }, async (request) => {
    const filters = resolveRescoreFilters(request.body);
    return app.db.exclusive((store) => rescoreCalls(store, options.analyzeConfig, filters, options.effects));
  });

  app.get('/rescores/:runId', { schema: rescoreSchema, config: { access: roleSets.coaches } }, async (request) => {
    const report = await app.db.exclusive((store) => findRescoreReport(store, request.params.runId));
    if (!report) throw rescoreNotFound(request.params.runId);
    return report;
  });
};
