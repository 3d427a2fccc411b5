/** Exports: the call list, with the same filters as GET /calls, as CSV or Arrow IPC. */
import { roleSets } from '../../roles.ts';
import { toArrowIpc, toCsv } from '../../services/call-exports.ts';
import { callVisibilityOf } from '../../services/call-visibility.ts';
import { listAllCalls } from '../../services/call-list.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { exportCallsSchema, exportFormats } from './schemas.ts';

const encoders = { csv: toCsv, arrow: (rows: Parameters<typeof toArrowIpc>[0]) => Buffer.from(toArrowIpc(rows)) } as const;

export const exportRoutes: RoutePlugin = async (app) => {
  for (const format of Object.keys(exportFormats) as (keyof typeof exportFormats)[]) {
    const { contentType, extension } = exportFormats[format];
    app.get(`/exports/calls.${extension}`, { schema: exportCallsSchema(format), config: { access: roleSets.staff, accessLog: 'export' } }, async (request, reply) => {
      const rows = await app.db.read((sql) => listAllCalls(sql, request.query, callVisibilityOf(request)));
      request.accessedCallIds = rows.map((row) => row.call_id);
      return reply.type(contentType).header('content-disposition', `attachment; filename="calls.${extension}"`).send(encoders[format](rows));
    });
  }
};
