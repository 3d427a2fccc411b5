/** The access log, for admins: who read which call's personal data (see plugins/app/access-log.ts). */
import { roleSets } from '../../roles.ts';
import { findAccessEntries } from '../../services/access-log.ts';
import { resolveTimestampParam } from '../../services/timestamp-param.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { listAccessLogSchema } from './schemas.ts';

export const accessLogRoutes: RoutePlugin = async (app) => {
  app.get('/access-log', { schema: listAccessLogSchema, config: { access: roleSets.admins } }, async (request) => {
    const { from, to, limit, offset, ...rest } = request.query;
    const items = await app.db.read((sql) => findAccessEntries(sql, {
      ...rest, limit: limit + 1, offset,
      ...(from && { from: resolveTimestampParam('from', from) }), ...(to && { to: resolveTimestampParam('to', to) }),
    }));
    return { items: items.slice(0, limit), next_offset: items.length > limit ? offset + limit : null };
  });
};
