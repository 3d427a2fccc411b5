/**
 * `callqa ingest --redis URL [--db FILE] [--batch-size N] [--until-idle]`: the database's one
 * writer when no server runs: stores what the workers analysed, in batches, until SIGINT or
 * SIGTERM (or, with `--until-idle`, until both queues are empty).
 */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { requireRedisUrl } from './redis-url.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { untilStopped } from './until-stopped.ts';
import { CallqaError } from '../core/errors.ts';
import { isQueueIdle } from '../queue/queue-report.ts';
import { openRedisQueues, type RedisQueues } from '../queue/redis-queues.ts';
import { startResultWriter } from '../queue/result-writer.ts';
import { openStore, recordAnalysedCalls } from '../store/index.ts';

const settingKeys = ['redisUrl', 'dbPath'] as const;

async function untilIdle(queues: RedisQueues): Promise<string> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (await isQueueIdle(queues)) return 'both queues empty';
  }
}

export const ingestCommand = defineCommand({
  meta: commandMeta.ingest,
  args: {
    'batch-size': { type: 'string', description: 'Most results committed in one transaction (default 64)' },
    'until-idle': { type: 'boolean', description: 'Stop once nothing is waiting or being analysed', default: false },
    ...configArg,
    ...settingArgs(settingKeys),
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const settings = await loadCommandSettings(args, settingKeys);
      const redisUrl = requireRedisUrl(settings, 'ingest');
      const batchSize = args['batch-size'] === undefined ? undefined : Number(args['batch-size']);
      if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--batch-size must be a positive integer, got "${args['batch-size']}"`);
      const store = await openStore(settings.dbPath.value);
      const queues = openRedisQueues(redisUrl);
      try {
        const stopped = untilStopped();
        const writer = startResultWriter({
          redisUrl, batchSize, effects,
          record: (calls) => recordAnalysedCalls(store, calls),
          onRecorded: async (recorded) => {
            for (const { data, fate } of recorded) effects.log(`${data.run.source}: ${fate === null ? 'stored before' : fate.status}`);
          },
        });
        await writer.waitUntilReady();
        effects.log(`storing results into ${settings.dbPath.value}; stop with Ctrl-C`);
        effects.log(`${await Promise.race([stopped, ...(args['until-idle'] ? [untilIdle(queues)] : [])])}: finishing the batch in flight, then stopping`);
        await writer.close();
      } finally {
        await queues.close();
        store.close();
      }
    }),
});
