/** `callqa import-cdr FILE.csv [--db PATH]`: imports call-detail records and links them to recordings. */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { importCdr } from '../store/cdr/index.ts';
import { openStore } from '../store/index.ts';

export const importCdrCommand = defineCommand({
  meta: commandMeta['import-cdr'],
  args: {
    file: { type: 'positional', description: 'Call-detail CSV file', required: true },
    ...configArg,
    ...settingArgs(['dbPath']),
  },
  run: ({ args }) =>
    reportFailures(async () => {
      const { dbPath } = await loadCommandSettings(args, ['dbPath']);
      const store = await openStore(dbPath.value);
      try {
        const summary = await importCdr(store, args.file);
        process.stdout.write(`${args.file}: ${summary.rows} rows imported, ${summary.linked} linked to recordings, ${summary.unlinked} unlinked\n`);
      } finally {
        store.close();
      }
    }),
});
