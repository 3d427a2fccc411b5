/** The API's 404s for well-formed ids that name nothing, each saying where to find a real id. */
import { CallqaError } from '../../core/errors.ts';

export const callNotFound = (callId: string) =>
  new CallqaError('CQA_ERR_API_NOT_FOUND', `call ${callId} is not in the database; list calls to find its id`);

export const exampleNotFound = (exampleId: string) =>
  new CallqaError('CQA_ERR_API_NOT_FOUND', `example ${exampleId} does not exist; list examples to find its id`);

export const jobNotFound = (jobId: string) =>
  new CallqaError('CQA_ERR_API_NOT_FOUND', `job ${jobId} does not exist; the upload's answer names its job`);

export const rescoreNotFound = (runId: string) =>
  new CallqaError('CQA_ERR_API_NOT_FOUND', `rescore run ${runId} does not exist; POST /api/v1/rescores (or callqa rescore) names its run`);
