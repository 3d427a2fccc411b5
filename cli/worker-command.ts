/**
 * `callqa worker --redis URL [--concurrency N] [--stalled-after-s S]`: takes analysis jobs
 * from the queue until SIGINT or SIGTERM, then finishes the jobs in flight. Stateless: it
 * reads recordings from the paths jobs name and hands results back through Redis, so run as
 * many as the machines have cores for. Analysis settings (models, rule packs) are this
 * process's own: give every worker the same settings file.
 */
import { availableParallelism } from 'node:os';
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { requireRedisUrl } from './redis-url.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { untilStopped } from './until-stopped.ts';
import { analysisSettingKeys, toAnalyzeConfigSpec } from '../config/index.ts';
import { CallqaError } from '../core/errors.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { resolveFfmpegBinaries } from '../pipeline/ingest/index.ts';
import { closeRecognizers } from '../pipeline/transcribe/index.ts';
import { startAnalysisWorker } from '../queue/analysis-worker.ts';
import { openRedisQueues } from '../queue/redis-queues.ts';

const settingKeys = [...analysisSettingKeys, 'redisUrl'] as const;

function positiveNumber(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--${flag} must be a positive number, got "${text}"`);
  return value;
}

export const workerCommand = defineCommand({
  meta: commandMeta.worker,
  args: {
    concurrency: { type: 'string', description: `Jobs analysed at once (default: the cores, ${availableParallelism()} here)` },
    'stalled-after-s': { type: 'string', description: 'A job whose worker stops renewing its lock for this long goes to another worker (default 30)' },
    ...configArg,
    ...settingArgs(settingKeys),
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const settings = await loadCommandSettings(args, settingKeys);
      const redisUrl = requireRedisUrl(settings, 'worker');
      const concurrency = positiveNumber(args.concurrency, 'concurrency', availableParallelism());
      if (!Number.isInteger(concurrency)) throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--concurrency must be a whole number of jobs, got "${args.concurrency}"`);
      const stalledAfterS = positiveNumber(args['stalled-after-s'], 'stalled-after-s', 30);
      resolveFfmpegBinaries();
      const config = await resolveAnalyzeConfig(toAnalyzeConfigSpec(settings), effects);
      const queues = openRedisQueues(redisUrl);
      const stopped = untilStopped();
      const worker = startAnalysisWorker({ redisUrl, queues, config, concurrency, stalledAfterS, effects });
      await worker.waitUntilReady();
      effects.log(`worker ready: ${concurrency} at a time from ${new URL(redisUrl).host}; stop with Ctrl-C`);
      effects.log(`${await stopped} received: finishing the jobs in flight, then stopping`);
      await worker.close();
      await queues.close();
      await closeRecognizers();
    }),
});
