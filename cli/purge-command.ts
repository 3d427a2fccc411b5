/**
 * `callqa purge [--before DATE]`: deletes the calls that took place before DATE, else before the
 * retention period (setting `retentionDays`) ends, as DELETE /calls/:callId does: every row,
 * the search index, the server's copies of the recordings; one audit row per call.
 */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { CallqaError } from '../core/errors.ts';
import { openStore } from '../store/index.ts';
import { deleteCalls, findCallsBefore, resolveDataFolders } from '../store/retention/delete-calls.ts';

const settingKeys = ['dbPath', 'uploadsDir', 'cacheDir', 'retentionDays'] as const;
const dayMs = 86_400_000;

/** The instant before which calls go: `--before` (an ISO date or date-time), else now minus the retention period. */
function resolveCutoff(before: string | undefined, retentionDays: number | null, nowMs: number): Date {
  if (before !== undefined) {
    const cutoff = new Date(before);
    if (!/^\d{4}-\d{2}-\d{2}/.test(before) || Number.isNaN(cutoff.getTime())) {
      throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--before must be an ISO date or date-time such as 2024-01-31, got "${before}"`);
    }
    return cutoff;
  }
  if (retentionDays === null) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', 'purge needs --before DATE, or a retention period (--retention-days, CALLQA_RETENTION_DAYS or "retentionDays")');
  }
  return new Date(nowMs - retentionDays * dayMs);
}

export const purgeCommand = defineCommand({
  meta: commandMeta.purge,
  args: {
    before: { type: 'string', description: 'Delete calls that took place before this ISO date or date-time (default: now minus retentionDays)' },
    ...configArg,
    ...settingArgs(settingKeys),
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const settings = await loadCommandSettings(args, settingKeys);
      const cutoff = resolveCutoff(args.before, settings.retentionDays.value, effects.now());
      const dbPath = settings.dbPath.value;
      const folders = resolveDataFolders(dbPath, { uploadsDir: settings.uploadsDir.value, cacheDir: settings.cacheDir.value });
      const store = await openStore(dbPath);
      try {
        const reason = args.before === undefined ? 'retention' : 'request';
        const deleted = await deleteCalls(store, await findCallsBefore(store, cutoff), { reason, deletedBy: null }, folders);
        for (const deletion of deleted) process.stdout.write(`${deletion.call_id}\t${deletion.file_name}\n`);
        effects.log(`${dbPath}: ${deleted.length} call${deleted.length === 1 ? '' : 's'} that took place before ${cutoff.toISOString()} deleted`);
      } finally {
        store.close();
      }
    }),
});
