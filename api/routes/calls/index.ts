/** Calls: the filtered, paginated list and one call's detail. */
import { callVisibilityOf } from '../../services/agent-scope.ts';
import { roleSets } from '../../roles.ts';
import { loadCallDetail } from '../../services/call-detail.ts';
import { listCallPage } from '../../services/call-list.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { callDetailSchema, listCallsSchema } from './schemas.ts';

export const callRoutes: RoutePlugin = async (app, { options: { analyzeConfig } }) => {
  app.get('/calls', { schema: listCallsSchema, config: { access: roleSets.everyone } }, async (request) => {
    const { limit, cursor, ...filters } = request.query;
    return app.db.read((sql) => listCallPage(sql, filters, { limit, cursor }, callVisibilityOf(request)));
  });

  app.get('/calls/:callId', { schema: callDetailSchema, config: { access: roleSets.everyone, accessLog: 'detail' } }, async (request) =>
    loadCallDetail(app.db, request.params.callId, analyzeConfig, callVisibilityOf(request)),
  );
};
