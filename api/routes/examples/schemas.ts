import { Type } from '@sinclair/typebox';
import { BinaryBody, CallId, CallIdParams, Uuid, withErrors } from '../../schemas/common.ts';
import { Example, ExampleLabel, ExampleRequest, GuidanceRef } from '../../schemas/example.ts';

const ExampleIdParams = Type.Object({ exampleId: Uuid });

export const addExampleSchema = {
  summary: 'Tag a span of a call as a good or bad example of a guidance point',
  tags: ['examples'],
  params: CallIdParams,
  body: ExampleRequest,
  response: withErrors({ 201: Example }, 404, 413, 415, 422),
};

export const listExamplesSchema = {
  summary: 'The example library, newest first',
  tags: ['examples'],
  querystring: Type.Object({
    label: Type.Optional(ExampleLabel),
    guidance_ref: Type.Optional(GuidanceRef),
    call_id: Type.Optional(CallId),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  }),
  response: withErrors({ 200: Type.Array(Example) }),
};

export const exampleSchema = {
  summary: 'One example with its transcript lines',
  tags: ['examples'],
  params: ExampleIdParams,
  response: withErrors({ 200: Example }, 404),
};

export const removeExampleSchema = {
  summary: 'Remove an example from the library (the call is untouched)',
  tags: ['examples'],
  params: ExampleIdParams,
  response: withErrors({ 204: Type.Null() }, 404),
};

export const exampleClipSchema = {
  summary: 'Download the example: clip audio, transcript and record in one ZIP',
  tags: ['examples'],
  params: ExampleIdParams,
  produces: ['application/zip'],
  response: withErrors({ 200: BinaryBody('ZIP: clip.mp3, transcript.txt, example.json.') }, 404),
};
