import { Type } from '@sinclair/typebox';
import { AgentId, Uuid, withErrors } from '../../schemas/common.ts';
import { DeadLetter, Job } from '../../schemas/job.ts';

/** Letters and digits of any script, spaces and ._()+- ; no separators, no leading dot. */
export const fileNamePattern = '^(?!\\.)[\\p{L}\\p{N} ._()+-]{1,200}$';

const FileName = Type.String({
  pattern: fileNamePattern,
  description: 'The recording\'s file name, kept as the call\'s file_name; no folders. Required for a raw body; '
    + 'for multipart it overrides the file part\'s own name.',
});

const AgentChannel = Type.Union([Type.Literal(0), Type.Literal(1)], { default: 0, description: 'Stereo channel carrying the agent.' });

/** The multipart form, for the OpenAPI document; the route reads the parts itself, streaming the file. */
export const UploadForm = Type.Object({
  file: Type.String({ format: 'binary', description: 'The recording; exactly one. Its file name is kept unless ?filename= is given.' }),
  agent_id: Type.Optional(AgentId),
  agent_channel: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')], { description: 'Stereo channel carrying the agent (overrides the query).' })),
}, { additionalProperties: false });

/** Form fields the route accepts besides `file`. */
export const uploadFormFields = ['agent_id', 'agent_channel'] as const;

export const uploadSchema = {
  summary: 'Upload a recording or a chat or e-mail conversation (the raw bytes as the body, or a multipart form with a file field) and queue its analysis',
  tags: ['uploads'],
  consumes: ['application/octet-stream', 'multipart/form-data', 'audio/*', 'video/*', 'text/csv', 'message/rfc822', 'application/mbox'],
  formData: UploadForm,
  querystring: Type.Object({
    filename: Type.Optional(FileName),
    agent_channel: AgentChannel,
    agent_id: Type.Optional(AgentId),
  }),
  body: Type.Unknown({ description: 'The recording bytes or the multipart form, streamed to disk (not parsed before the handler).' }),
  response: withErrors({ 202: Job }, 413, 415, 503),
};

export const jobSchema = {
  summary: 'An analysis job: status, progress lines, the call it produced or its error',
  tags: ['uploads'],
  params: Type.Object({ jobId: Uuid }),
  response: withErrors({ 200: Job }, 404),
};

export const deadLettersSchema = {
  summary: 'Jobs on the Redis queue set aside after using up their attempts (empty with the in-process queue)',
  tags: ['uploads'],
  response: withErrors({ 200: Type.Object({ dead_letters: Type.Array(DeadLetter) }) }),
};
