import { Type } from '@sinclair/typebox';
import { Uuid, withErrors } from '../../schemas/common.ts';
import { MachineTrend, AgreementReport, CalibrationRequest, CalibrationSession, CalibrationSubmission, CalibrationView } from '../../schemas/calibration.ts';

const SessionParams = Type.Object({ sessionId: Uuid });

export const createCalibrationSchema = {
  summary: 'Start a calibration session: calls and rules that the evaluators score blind',
  tags: ['calibration'],
  body: CalibrationRequest,
  response: withErrors({ 201: CalibrationSession }, 413, 415, 422),
};

export const listCalibrationsSchema = {
  summary: 'Calibration sessions, newest first, with who has submitted',
  tags: ['calibration'],
  response: withErrors({ 200: Type.Array(CalibrationSession) }),
};

export const calibrationSchema = {
  summary: 'A session as an evaluator scores it: calls and transcripts without any verdicts, and your answers once submitted',
  tags: ['calibration'],
  params: SessionParams,
  response: withErrors({ 200: CalibrationView }, 404),
};

export const submitCalibrationSchema = {
  summary: 'Submit your verdicts, one per call and rule, once; the machine\'s verdicts are recorded beside them',
  tags: ['calibration'],
  params: SessionParams,
  body: CalibrationSubmission,
  response: withErrors({ 201: CalibrationSession }, 404, 409, 413, 415, 422),
};

export const machineTrendSchema = {
  summary: "The machine's agreement with the evaluators' consensus per month, rule and language, over every calibration session",
  tags: ['calibration'],
  response: withErrors({ 200: MachineTrend }),
};

export const agreementSchema = {
  summary: "Agreement per evaluator, pair, rule and language: percent, Cohen's and Fleiss' kappa; closed to evaluators until they submit",
  tags: ['calibration'],
  params: SessionParams,
  response: withErrors({ 200: AgreementReport }, 404, 409),
};
