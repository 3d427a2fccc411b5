/** `callqa import-cdr FILE.csv [--db PATH]`: imports call-detail records and links them to recordings. */
import { defineCommand } from 'citty';
import { reportFailures } from './report-failures.ts';
import { importCdr } from '../store/cdr/index.ts';
import { defaultDbPath, openStore } from '../store/index.ts';

export const importCdrCommand = defineCommand({
  meta: { name: 'import-cdr', description: 'Import a call-detail CSV (columns in store/kpi/README.md); re-importing a file is safe' },
  args: {
    file: { type: 'positional', description: 'Call-detail CSV file', required: true },
    db: { type: 'string', description: 'DuckDB file', default: defaultDbPath },
  },
  run: ({ args }) =>
    reportFailures(async () => {
      const store = await openStore(args.db);
      try {
        const summary = await importCdr(store, args.file);
        process.stdout.write(`${args.file}: ${summary.rows} rows imported, ${summary.linked} linked to recordings, ${summary.unlinked} unlinked\n`);
      } finally {
        store.close();
      }
    }),
});
