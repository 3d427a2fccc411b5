/**
 * Uploads take the recording as the raw request body (`application/octet-stream`, or the
 * file's own audio or video type), streamed to disk under the size limit; analysis is queued
 * and the answer is the job, 202. Multipart is not parsed: a browser sends a File with
 * `fetch(url, { method: 'POST', body: file })` just as well.
 */
import type { Readable } from 'node:stream';
import { requirePrincipal } from '../../plugins/app/auth.ts';
import { roleSets } from '../../roles.ts';
import { jobNotFound } from '../../services/not-found.ts';
import { storeUpload, tooLarge, type StoredUpload } from '../../services/upload-store.ts';
import type { RoutePlugin } from '../../type-provider.ts';
import { jobSchema, uploadSchema } from './schemas.ts';

export const uploadRoutes: RoutePlugin = async (app, { options: { uploadsDir, uploadLimitBytes } }) => {
  const passStream = (_request: unknown, payload: Readable, done: (error: Error | null, body?: Readable) => void) => done(null, payload);
  // In this plugin only the raw body is accepted: a JSON or text body is a 415, not a recording.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/octet-stream', passStream);
  app.addContentTypeParser(/^(audio|video)\//, passStream);

  app.post('/uploads', { schema: uploadSchema, config: { access: roleSets.uploaders } }, async (request, reply) => {
    const { filename, agent_channel: agentChannel, agent_id: agentId } = request.query;
    let stored: StoredUpload;
    try {
      if (Number(request.headers['content-length'] ?? 0) > uploadLimitBytes) throw tooLarge(uploadLimitBytes); // before reading a byte
      stored = await storeUpload(request.body as Readable, uploadsDir, filename, uploadLimitBytes);
    } catch (error) {
      reply.header('connection', 'close'); // the client may still be sending the rest
      throw error;
    }
    const job = await app.jobs.submit({
      ...stored, fileName: filename, agentChannel, agentId: agentId ?? null, submittedBy: requirePrincipal(request).userName,
    });
    return reply.code(202).header('location', `${app.prefix}/jobs/${job.job_id}`).send(job);
  });

  app.get('/jobs/:jobId', { schema: jobSchema, config: { access: roleSets.uploaders } }, async (request) => {
    const job = await app.jobs.find(request.params.jobId);
    if (!job) throw jobNotFound(request.params.jobId);
    return job;
  });
};
