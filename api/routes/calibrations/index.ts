/** Calibration: calls scored blind by several evaluators, then how far they and the machine agree. */
import { requirePrincipal } from '../../plugins/app/auth.ts';
import { roleSets } from '../../roles.ts';
import { createCalibration, listCalibrations, loadAgreement, loadCalibrationView, loadMachineTrend, submitCalibration } from '../../services/calibration.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { agreementSchema, calibrationSchema, createCalibrationSchema, listCalibrationsSchema, machineTrendSchema, submitCalibrationSchema } from './schemas.ts';

export const calibrationRoutes: RoutePlugin = async (app) => {
  const access = roleSets.samplers;
  app.post('/calibrations', { schema: createCalibrationSchema, config: { access } }, async (request, reply) =>
    reply.code(201).send(await createCalibration(app.db, requirePrincipal(request).userName, request.body)));

  app.get('/calibrations', { schema: listCalibrationsSchema, config: { access } }, async () => app.db.read(listCalibrations));

  app.get('/calibrations/machine-agreement', { schema: machineTrendSchema, config: { access } }, async (request) =>
    app.db.read((sql) => loadMachineTrend(sql, requirePrincipal(request).userName)));

  // The session's transcripts are calls' data, so reading it is logged like a call's detail.
  app.get('/calibrations/:sessionId', { schema: calibrationSchema, config: { access, accessLog: 'detail' } }, async (request) => {
    const view = await loadCalibrationView(app.db, request.params.sessionId, requirePrincipal(request).userName);
    request.accessedCallIds = view.calls.map((call) => call.call_id);
    return view;
  });

  app.post('/calibrations/:sessionId/answers', { schema: submitCalibrationSchema, config: { access } }, async (request, reply) =>
    reply.code(201).send(await submitCalibration(app.db, request.params.sessionId, requirePrincipal(request).userName, request.body.answers)));

  app.get('/calibrations/:sessionId/agreement', { schema: agreementSchema, config: { access } }, async (request) =>
    loadAgreement(app.db, request.params.sessionId, requirePrincipal(request).userName));
};
