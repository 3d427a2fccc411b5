import { Type } from '@sinclair/typebox';
import { AgentId, Uuid, withErrors } from '../../schemas/common.ts';
import { Job } from '../../schemas/job.ts';

/** Letters and digits of any script, spaces and ._()+- ; no separators, no leading dot. */
const FileName = Type.String({
  pattern: '^(?!\\.)[\\p{L}\\p{N} ._()+-]{1,200}$',
  description: 'The recording\'s file name, kept as the call\'s file_name; no folders.',
});

export const uploadSchema = {
  summary: 'Upload a recording (the raw bytes as the body) and queue its analysis',
  tags: ['uploads'],
  consumes: ['application/octet-stream', 'audio/*', 'video/*'],
  querystring: Type.Object({
    filename: FileName,
    agent_channel: Type.Union([Type.Literal(0), Type.Literal(1)], { default: 0, description: 'Stereo channel carrying the agent.' }),
    agent_id: Type.Optional(AgentId),
  }),
  body: Type.Unknown({ description: 'The recording bytes, streamed to disk (not parsed).' }),
  response: withErrors({ 202: Job }, 413, 415, 503),
};

export const jobSchema = {
  summary: 'An analysis job: status, progress lines, the call it produced or its error',
  tags: ['uploads'],
  params: Type.Object({ jobId: Uuid }),
  response: withErrors({ 200: Job }, 404),
};
