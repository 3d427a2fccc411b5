/** Calls: the filtered, paginated list, one call's detail, and deleting a call. */
import { callVisibilityOf } from '../../services/call-visibility.ts';
import { roleSets } from '../../roles.ts';
import { loadCallDetail } from '../../services/call-detail.ts';
import { listCallPage } from '../../services/call-list.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { deleteCalls } from '../../../store/retention/delete-calls.ts';
import { requirePrincipal } from '../../plugins/app/auth.ts';
import { callNotFound } from '../../services/not-found.ts';
import { callDetailSchema, deleteCallSchema, listCallsSchema } from './schemas.ts';

export const callRoutes: RoutePlugin = async (app, { options: { analyzeConfig, uploadsDir, cacheDir } }) => {
  app.get('/calls', { schema: listCallsSchema, config: { access: roleSets.everyone } }, async (request) => {
    const { limit, cursor, ...filters } = request.query;
    return app.db.read((sql) => listCallPage(sql, filters, { limit, cursor }, callVisibilityOf(request)));
  });

  app.get('/calls/:callId', { schema: callDetailSchema, config: { access: roleSets.everyone, accessLog: 'detail' } }, async (request) =>
    loadCallDetail(app.db, request.params.callId, analyzeConfig, callVisibilityOf(request)),
  );

  app.delete('/calls/:callId', { schema: deleteCallSchema, config: { access: roleSets.admins } }, async (request) => {
    const audit = { reason: 'request' as const, deletedBy: requirePrincipal(request).userName };
    const [deletion] = await app.db.exclusive((store) => deleteCalls(store, [request.params.callId], audit, { uploadsDir, cacheDir }));
    if (!deletion) throw callNotFound(request.params.callId);
    return deletion;
  });
};
