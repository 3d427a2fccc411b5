/**
 * Decorates the app with `jobs`, the analysis queue (in-process, or on Redis when `redisUrl`
 * is set), answering jobs without server paths. Closing the app waits for the job (or batch of
 * results) being written, so the caller can then close the store without cutting a saveCall in half.
 */
import { closeRecognizers } from '../../../pipeline/transcribe/index.ts';
import type { ApiOptions } from '../../app-options.ts';
import { createJobQueue, type JobQueue } from '../../services/job-queue.ts';
import { toPublicDeadLetter, toPublicJob } from '../../services/public-job.ts';
import { sharedPlugin } from '../shared-plugin.ts';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobQueue;
  }
}

export const jobsPlugin = sharedPlugin<{ options: ApiOptions }>('callqa-jobs', async (app, { options }) => {
  const queue = options.redisUrl === null
    ? await createJobQueue(app.db, { limit: options.queueLimit, analyzeConfig: options.analyzeConfig, uploadsDir: options.uploadsDir, effects: options.effects })
    // Loaded only with a Redis: a server on its own never loads BullMQ.
    : await (await import('../../services/redis-job-queue.ts')).createRedisJobQueue(app.db, { redisUrl: options.redisUrl, limit: options.queueLimit, effects: options.effects });
  // Jobs leave the server without its paths; the server's own log (options.effects) keeps them.
  app.decorate('jobs', {
    ...queue,
    submit: async (submission) => toPublicJob(await queue.submit(submission)),
    find: async (jobId) => {
      const job = await queue.find(jobId);
      return job && toPublicJob(job);
    },
    deadLetters: async () => (await queue.deadLetters()).map(toPublicDeadLetter),
  } satisfies JobQueue);
  app.addHook('onClose', async () => {
    await queue.close();
    await closeRecognizers(); // speech-to-text workers started by a job
  });
});
