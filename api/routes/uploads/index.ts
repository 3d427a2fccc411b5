/**
 * Uploads take the recording either as the raw request body (`application/octet-stream`, or
 * the file's own audio or video type, with `?filename=`) or as a `multipart/form-data` form (a
 * browser `<form>` or FormData) with one `file` part and optional `agent_id` / `agent_channel`
 * fields. Either way the bytes stream to disk under the size limit, hashed as they come, and
 * are kept only once the whole request is accepted; analysis is queued and the answer is the
 * job, 202.
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { CallqaError, isCallqaError } from '../../../core/errors.ts';
import { requirePrincipal } from '../../plugins/app/auth.ts';
import { roleSets } from '../../roles.ts';
import { watchBodyIdle } from '../../services/body-idle-timeout.ts';
import { jobNotFound } from '../../services/not-found.ts';
import { receiveUpload, tooLarge, type ReceivedUpload } from '../../services/upload-store.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { deadLettersSchema, fileNamePattern, jobSchema, uploadFormFields, uploadSchema } from './schemas.ts';

/** Room for a form's boundaries, part headers and small fields on top of the file itself. */
const multipartOverheadBytes = 64 * 1024;
const fileNameFormat = new RegExp(fileNamePattern, 'u');
const agentIdFormat = /^[A-Za-z0-9_.@-]{1,64}$/;
const formFieldNames: readonly string[] = uploadFormFields;

const badRequest = (message: string) => new CallqaError('CQA_ERR_API_BAD_REQUEST', message);

/** @fastify/multipart's and busboy's failures as catalogue errors; a disk failure stays a 500. */
function toUploadError(thrown: unknown, limitBytes: number): unknown {
  if (isCallqaError(thrown) || !(thrown instanceof Error)) return thrown;
  const code = (thrown as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(limitBytes);
  if (code === 'FST_FILES_LIMIT') return badRequest('a form may carry one recording only: send each file in its own request');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return badRequest(`the form has too many fields; it takes a "file" part and optionally ${formFieldNames.join(', ')}`);
  }
  if (typeof code === 'string' && code.startsWith('FST_')) return badRequest(`malformed multipart form: ${thrown.message}`);
  if ('syscall' in thrown) return thrown; // the disk, not the client
  return badRequest(`malformed multipart form: ${thrown.message}`);
}

interface ReceivedForm {
  received: ReceivedUpload;
  partFileName: string;
  fields: Partial<Record<(typeof uploadFormFields)[number], string>>;
}

/** Reads the form's parts in order, streaming the one `file` part to the uploads store. */
async function receiveForm(request: FastifyRequest, uploadsDir: string, limitBytes: number): Promise<ReceivedForm> {
  let received: ReceivedUpload | undefined;
  let partFileName = '';
  const fields: ReceivedForm['fields'] = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw badRequest(`unexpected file part "${part.fieldname}": send the recording as the "file" field`);
        if (received) throw badRequest('a form may carry one recording only: send each file in its own request');
        partFileName = part.filename;
        received = await receiveUpload(part.file, uploadsDir, limitBytes, part.filename || 'file');
        if (part.file.truncated) throw tooLarge(limitBytes);
      } else {
        if (!formFieldNames.includes(part.fieldname)) {
          throw badRequest(`unexpected form field "${part.fieldname}"; the form takes "file" and optionally ${formFieldNames.join(', ')}`);
        }
        if (part.valueTruncated || typeof part.value !== 'string') throw badRequest(`form field "${part.fieldname}" is too long or not text`);
        fields[part.fieldname as keyof ReceivedForm['fields']] = part.value;
      }
    }
  } catch (error) {
    await received?.discard();
    throw toUploadError(error, limitBytes);
  }
  if (!received) throw badRequest('the form has no "file" part: add the recording as a file field named "file"');
  return { received, partFileName, fields };
}

export const uploadRoutes: RoutePlugin = async (app, { options: { uploadsDir, uploadLimitBytes, uploadIdleTimeoutMs } }) => {
  const passStream = (_request: unknown, payload: Readable, done: (error: Error | null, body?: Readable) => void) => done(null, payload);
  // In this plugin only recordings and conversation exports are accepted: a JSON or plain-text body is a 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/octet-stream', passStream);
  app.addContentTypeParser(/^(audio|video)\//, passStream);
  app.addContentTypeParser(['text/csv', 'message/rfc822', 'application/mbox'], passStream);
  // Registered here, so multipart reaches this plugin's routes only. Parts are read in the
  // handler (request.parts()), the file streamed, never buffered.
  await app.register(multipart, {
    limits: {
      fileSize: uploadLimitBytes, files: 1,
      fields: formFieldNames.length, fieldNameSize: 64, fieldSize: 256,
      parts: formFieldNames.length + 1, headerPairs: 16,
    },
    throwFileSizeLimit: true,
  });

  app.post('/uploads', { schema: uploadSchema, config: { access: roleSets.uploaders } }, async (request, reply) => {
    const { filename, agent_channel: queryChannel, agent_id: queryAgentId } = request.query;
    const isForm = request.isMultipart();
    let received: ReceivedUpload | undefined;
    let fileName: string;
    let agentChannel: 0 | 1 = queryChannel;
    let agentId = queryAgentId ?? null;
    const stopWatching = watchBodyIdle(request.raw, uploadIdleTimeoutMs);
    try {
      // Before reading a byte; a form may be a little larger than its file.
      const declaredLimit = uploadLimitBytes + (isForm ? multipartOverheadBytes : 0);
      if (Number(request.headers['content-length'] ?? 0) > declaredLimit) throw tooLarge(uploadLimitBytes);
      if (isForm) {
        const form = await receiveForm(request, uploadsDir, uploadLimitBytes);
        received = form.received;
        fileName = filename ?? form.partFileName;
        if (!fileNameFormat.test(fileName)) {
          throw badRequest(`file name "${fileName}" is not accepted: use letters, digits, spaces and ._()+- only, or pass ?filename=`);
        }
        if (form.fields.agent_id !== undefined) {
          if (!agentIdFormat.test(form.fields.agent_id)) throw badRequest(`agent_id "${form.fields.agent_id}" must match ${agentIdFormat.source}`);
          agentId = form.fields.agent_id;
        }
        if (form.fields.agent_channel !== undefined) {
          if (form.fields.agent_channel !== '0' && form.fields.agent_channel !== '1') throw badRequest('agent_channel must be 0 or 1');
          agentChannel = form.fields.agent_channel === '1' ? 1 : 0;
        }
      } else {
        if (filename === undefined) throw badRequest('querystring must have property filename: name the recording with ?filename=');
        fileName = filename;
        received = await receiveUpload(request.body as Readable, uploadsDir, uploadLimitBytes, filename);
      }
    } catch (error) {
      await received?.discard();
      reply.header('connection', 'close'); // the client may still be sending the rest
      throw error;
    } finally {
      stopWatching();
    }
    const stored = await received.keep(fileName);
    const job = await app.jobs.submit({
      ...stored, fileName, agentChannel, agentId, submittedBy: requirePrincipal(request).userName,
    });
    return reply.code(202).header('location', `${app.prefix}/jobs/${job.job_id}`).send(job);
  });

  app.get('/jobs/dead-letters', { schema: deadLettersSchema, config: { access: roleSets.uploaders } }, async () => ({
    dead_letters: await app.jobs.deadLetters(),
  }));

  app.get('/jobs/:jobId', { schema: jobSchema, config: { access: roleSets.uploaders } }, async (request) => {
    const job = await app.jobs.find(request.params.jobId);
    if (!job) throw jobNotFound(request.params.jobId);
    return job;
  });
};
