/** Example library: trainers tag spans; everyone lists them and downloads clips. */
import { requirePrincipal } from '../../plugins/app/auth.ts';
import { roleSets } from '../../roles.ts';
import { createClipArchive } from '../../services/clip-export.ts';
import { addExample, listExamples, loadExample, removeExample } from '../../services/examples.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { addExampleSchema, exampleClipSchema, exampleSchema, listExamplesSchema, removeExampleSchema } from './schemas.ts';

export const exampleRoutes: RoutePlugin = async (app, { options: { analyzeConfig } }) => {
  app.post('/calls/:callId/examples', { schema: addExampleSchema, config: { access: roleSets.trainers } }, async (request, reply) => {
    const example = await addExample(app.db, request.params.callId, requirePrincipal(request).userName, request.body);
    return reply.code(201).send(example);
  });

  app.get('/examples', { schema: listExamplesSchema, config: { access: roleSets.staff } }, async (request) =>
    app.db.read((sql) => listExamples(sql, request.query)),
  );

  app.get('/examples/:exampleId', { schema: exampleSchema, config: { access: roleSets.staff } }, async (request) =>
    app.db.read((sql) => loadExample(sql, request.params.exampleId)),
  );

  app.delete('/examples/:exampleId', { schema: removeExampleSchema, config: { access: roleSets.trainers } }, async (request, reply) => {
    await removeExample(app.db, request.params.exampleId);
    return reply.code(204).send(null);
  });

  app.get('/examples/:exampleId/clip', { schema: exampleClipSchema, config: { access: roleSets.staff, accessLog: 'clip' } }, async (request, reply) => {
    const clip = await createClipArchive(app.db, request.params.exampleId, analyzeConfig.redaction);
    request.accessedCallIds = [clip.callId];
    return reply.type('application/zip').header('content-disposition', `attachment; filename="${clip.fileName}"`).send(clip.bytes);
  });
};
