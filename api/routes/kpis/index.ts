/** KPIs for supervisors: the same figures as `callqa kpi`, computed where the single writer runs. */
import { findKpis, resolveKpiOptions } from '../../../store/kpi/index.ts';
import { roleSets } from '../../roles.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { kpisSchema } from './schemas.ts';

export const kpiRoutes: RoutePlugin = async (app) => {
  app.get('/kpis', { schema: kpisSchema, config: { access: roleSets.coaches } }, async (request) => {
    const { by, since, service_level_s: serviceLevelS } = request.query;
    const options = resolveKpiOptions({ groupBy: by, since: since ?? null, serviceLevelS });
    // findKpis first runs refreshKpiFactsIfStale, a transaction on the raw connection: it needs
    // the whole lock, so no upload's saveCall lands between the refresh and the read.
    return app.db.exclusive((store) => findKpis(store, options));
  });
};
