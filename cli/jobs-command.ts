/** `callqa jobs --redis URL [--json]`: how many jobs each queue holds per state, and the dead letters. */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { requireRedisUrl } from './redis-url.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { openRedisQueues } from '../queue/redis-queues.ts';
import { readQueueReport, type QueueReport } from '../queue/queue-report.ts';

const settingKeys = ['redisUrl'] as const;

function formatReport({ analysis, results, deadLetters }: QueueReport): string {
  const counts = (name: string, byState: Record<string, number>) =>
    `${name.padEnd(9)} ${Object.entries(byState).map(([state, count]) => `${state} ${count}`).join(' · ')}`;
  const lines = [counts('analysis', analysis), counts('results', results), `dead letters: ${deadLetters.length}`];
  for (const letter of deadLetters) {
    lines.push(`  ${letter.failedAt ?? '-'}  ${letter.queue}  ${letter.jobId}  ${letter.source}  after ${letter.attempts} attempts: ${letter.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

export const jobsCommand = defineCommand({
  meta: commandMeta.jobs,
  args: {
    json: { type: 'boolean', description: 'Print the counts and dead letters as one JSON object', default: false },
    ...configArg,
    ...settingArgs(settingKeys),
  },
  run: ({ args }) =>
    reportFailures(async () => {
      const settings = await loadCommandSettings(args, settingKeys);
      const queues = openRedisQueues(requireRedisUrl(settings, 'jobs'));
      try {
        const report = await readQueueReport(queues);
        process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatReport(report));
      } finally {
        await queues.close();
      }
    }),
});
