import { Type } from '@sinclair/typebox';
import { AcknowledgementRequest, AgentResponse, DisputeRequest, ResolutionRequest } from '../../schemas/agent-response.ts';
import { CallId, CallIdParams, Uuid, withErrors } from '../../schemas/common.ts';

export const acknowledgeSchema = {
  summary: "Acknowledge your call's evaluation (role agent; your own calls only)",
  tags: ['agent responses'],
  params: CallIdParams,
  body: AcknowledgementRequest,
  response: withErrors({ 201: AgentResponse }, 404, 413, 415),
};

export const disputeSchema = {
  summary: "Dispute a rule's verdict or the score of your call, with a comment, within the dispute window (role agent)",
  tags: ['agent responses'],
  params: CallIdParams,
  body: DisputeRequest,
  response: withErrors({ 201: AgentResponse }, 404, 409, 413, 415, 422),
};

export const listResponsesSchema = {
  summary: "Acknowledgements and disputes with their outcomes, newest first: an agent's own, everyone's for reviewers",
  tags: ['agent responses'],
  querystring: Type.Object({
    status: Type.Union([Type.Literal('all'), Type.Literal('acknowledged'), Type.Literal('open'), Type.Literal('upheld'), Type.Literal('changed')], { default: 'all' }),
    call: Type.Optional(CallId),
  }, { additionalProperties: false }),
  response: withErrors({ 200: Type.Array(AgentResponse) }),
};

export const resolveSchema = {
  summary: 'Resolve an open dispute: uphold the result, or change it (recorded as a review of the disputed rule or score)',
  tags: ['agent responses'],
  params: Type.Object({ responseId: Uuid }),
  body: ResolutionRequest,
  response: withErrors({ 200: AgentResponse }, 404, 409, 413, 415, 422),
};
