import { Type } from '@sinclair/typebox';
import { CallDetail } from '../../schemas/call-detail.ts';
import { CallFilters } from '../../schemas/call-filters.ts';
import { CallSummary } from '../../schemas/call-summary.ts';
import { BinaryBody, CallId, CallIdParams, UserName, withErrors } from '../../schemas/common.ts';

export const listCallsSchema = {
  summary: 'Calls matching the filters, one page at a time',
  tags: ['calls'],
  querystring: Type.Composite([
    CallFilters,
    Type.Object({
      limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
      cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,400}$', description: 'next_cursor of the previous page.' })),
    }),
  ]),
  response: withErrors({ 200: Type.Object({ items: Type.Array(CallSummary), next_cursor: Type.Union([Type.String(), Type.Null()]) }) }),
};

export const callDetailSchema = {
  summary: 'One call: metadata, machine result, effective result after reviews, score history',
  tags: ['calls'],
  params: CallIdParams,
  response: withErrors({ 200: CallDetail }, 404),
};

export const callAudioSchema = {
  summary: "The call's recording for the browser (MP3), with HTTP range requests",
  tags: ['calls'],
  params: CallIdParams,
  headers: Type.Object({ range: Type.Optional(Type.String({ maxLength: 200 })) }),
  produces: ['audio/mpeg'],
  response: withErrors({
    200: BinaryBody('The whole recording.'),
    206: BinaryBody('The requested byte range.'),
  }, 404, 416),
};

export const CallDeletion = Type.Object({
  deletion_id: Type.String({ format: 'uuid' }),
  call_id: CallId,
  file_name: Type.String(),
  reason: Type.Union([Type.Literal('request'), Type.Literal('retention')]),
  deleted_by: Type.Union([UserName, Type.Null()]),
  rows_deleted: Type.Record(Type.String(), Type.Integer(), { description: 'Per table, the rows that went.' }),
  files_deleted: Type.Array(Type.String(), { description: "The server's copies: the uploaded recording's folder and transcoded audio." }),
}, { description: 'The audit record of a deletion, kept in call_deletions.' });

export const deleteCallSchema = {
  summary: 'Delete a call: every row about it (results, transcript, search index, reviews, responses) and the server\'s copies of its recording; audited',
  tags: ['calls'],
  params: CallIdParams,
  response: withErrors({ 200: CallDeletion }, 404),
};
