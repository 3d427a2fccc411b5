/**
 * `callqa enqueue <files or folders…> --redis URL [--no-wait]`: queues each recording for the
 * workers and, unless `--no-wait`, follows them until the writer has stored them. Jobs name
 * recordings by absolute path, so the workers must see the same paths (a shared volume).
 */
import path from 'node:path';
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { requireRedisUrl } from './redis-url.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { CallqaError, partialFailureExitCode } from '../core/errors.ts';
import { findRecordings } from '../pipeline/ingest/index.ts';
import { enqueueRequests, watchJobs } from '../queue/enqueue.ts';
import { openRedisQueues } from '../queue/redis-queues.ts';

const settingKeys = ['redisUrl', 'agentChannel'] as const;

export const enqueueCommand = defineCommand({
  meta: commandMeta.enqueue,
  args: {
    inputs: { type: 'positional', description: 'Recordings or folders of recordings, on a path every worker sees', required: true },
    wait: { type: 'boolean', description: 'Follow the jobs until they are stored (--no-wait: return once queued)', default: true },
    ...configArg,
    ...settingArgs(settingKeys),
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const settings = await loadCommandSettings(args, settingKeys);
      const redisUrl = requireRedisUrl(settings, 'enqueue');
      const recordings = await findRecordings(args._);
      if (recordings.length === 0) {
        throw new CallqaError('CQA_ERR_INPUT_NONE_FOUND', `no recordings found in ${args._.join(', ')}; give audio files or folders holding them`);
      }
      const agentChannel = settings.agentChannel.value;
      const queues = openRedisQueues(redisUrl);
      try {
        const jobIds = await enqueueRequests(queues, recordings.map((source) => ({ source: path.resolve(source), agentChannel, known: {}, transcriptPath: null })));
        effects.log(`${jobIds.length} recordings queued on ${new URL(redisUrl).host}`);
        if (!args.wait) {
          process.stdout.write(`${jobIds.join('\n')}\n`);
          return;
        }
        const watched = await watchJobs(queues, jobIds, effects);
        const fates = [...watched.fates.values()];
        const failed = fates.filter((fate) => fate.state === 'dead' || fate.analysis.status === 'error');
        for (const fate of failed) {
          effects.log(fate.state === 'dead' ? `dead letter ${fate.source}: ${fate.reason}` : `error ${fate.analysis.error?.code}: ${fate.analysis.error?.message}`);
        }
        effects.log(`${fates.length - failed.length} of ${fates.length} stored (${watched.audioS.toFixed(0)} s of audio in ${watched.elapsedS.toFixed(1)} s)`
          + (failed.length ? `; ${failed.length} failed` : ''));
        if (failed.length > 0) process.exitCode = partialFailureExitCode;
      } finally {
        await queues.close();
      }
    }),
});
