/**
 * With a retention period (setting `retentionDays`), the server deletes the calls that took
 * place before it ends when it starts and then once a day, as `callqa purge` does, each
 * deletion audited with reason `retention`. Without one it does nothing.
 */
import { deleteCalls, findCallsBefore } from '../../../store/retention/delete-calls.ts';
import type { ApiOptions } from '../../app-options.ts';
import { sharedPlugin } from '../shared-plugin.ts';

const dayMs = 86_400_000;

export const retentionPlugin = sharedPlugin<{ options: ApiOptions }>('callqa-retention', async (app, { options }) => {
  const { retentionDays, uploadsDir, cacheDir, effects } = options;
  if (retentionDays === null) return;
  const purge = async () => {
    const cutoff = new Date(effects.now() - retentionDays * dayMs);
    const deleted = await app.db.exclusive(async (store) =>
      deleteCalls(store, await findCallsBefore(store, cutoff), { reason: 'retention', deletedBy: null }, { uploadsDir, cacheDir }));
    if (deleted.length) effects.log(`retention: ${deleted.length} calls that took place before ${cutoff.toISOString()} deleted`);
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await purge();
    timer = setInterval(() => void purge().catch((error: unknown) => effects.log(`retention purge failed: ${String(error)}`)), dayMs).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
});
