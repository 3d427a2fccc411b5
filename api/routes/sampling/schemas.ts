import { Type } from '@sinclair/typebox';
import { Uuid, withErrors } from '../../schemas/common.ts';
import { QueueItem, SamplingPolicy, SamplingPolicyRequest, SamplingRun, SamplingRunRequest } from '../../schemas/sampling.ts';

export const createPolicySchema = {
  summary: 'Store a sampling policy: which calls, how many per agent per period, for whose queue',
  tags: ['sampling'],
  body: SamplingPolicyRequest,
  response: withErrors({ 201: SamplingPolicy }, 413, 415, 422),
};

export const listPoliciesSchema = {
  summary: 'The sampling policies, oldest first',
  tags: ['sampling'],
  response: withErrors({ 200: Type.Array(SamplingPolicy) }),
};

export const runPolicySchema = {
  summary: "Run a policy over the calls that took place in a window; its picks go to the assignee's queue",
  tags: ['sampling'],
  params: Type.Object({ policyId: Uuid }),
  body: SamplingRunRequest,
  response: withErrors({ 201: SamplingRun }, 404, 413, 415),
};

export const myQueueSchema = {
  summary: "The signed-in QA specialist's review queue, oldest first, each item saying how its call was selected",
  tags: ['sampling'],
  querystring: Type.Object({
    status: Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('all')], { default: 'open' }),
  }, { additionalProperties: false }),
  response: withErrors({ 200: Type.Array(QueueItem) }),
};
