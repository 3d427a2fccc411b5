/** `callqa reindex`: rebuilds the transcript search index, e.g. for calls stored before it existed. */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { openStore, rebuildSearchIndex } from '../store/index.ts';

export const reindexCommand = defineCommand({
  meta: commandMeta.reindex,
  args: { ...configArg, ...settingArgs(['dbPath']) },
  run: ({ args }) =>
    reportFailures(async () => {
      const { dbPath } = await loadCommandSettings(args, ['dbPath']);
      const store = await openStore(dbPath.value);
      try {
        const utterances = await rebuildSearchIndex(store);
        process.stderr.write(`${dbPath.value}: search index rebuilt from ${utterances} utterances\n`);
      } finally {
        store.close();
      }
    }),
});
