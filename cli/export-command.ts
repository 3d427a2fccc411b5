/** `callqa export --format parquet|arrow|csv --out DIR [--since DATE]`: tables and KPIs for BI tools. */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { CallqaError } from '../core/errors.ts';
import { exportFormats, exportTables, type ExportFormat } from '../store/export/index.ts';
import { resolveSince } from '../store/kpi/index.ts';
import { openStore } from '../store/index.ts';

function resolveExportFormat(value: string): ExportFormat {
  const format = exportFormats.find((candidate) => candidate === value);
  if (format === undefined) throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--format must be one of ${exportFormats.join(', ')}, got "${value}"`);
  return format;
}

export const exportCommand = defineCommand({
  meta: commandMeta.export,
  args: {
    format: { type: 'string', description: exportFormats.join(' | '), required: true },
    out: { type: 'string', description: 'Folder to write into (created if needed)', required: true },
    since: { type: 'string', description: 'Only contacts offered on or after this ISO date' },
    ...configArg,
    ...settingArgs(['dbPath']),
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const format = resolveExportFormat(args.format);
      const since = resolveSince(args.since);
      const { dbPath } = await loadCommandSettings(args, ['dbPath']);
      const store = await openStore(dbPath.value);
      try {
        const files = await exportTables(store, { format, outDir: args.out, since });
        for (const file of files) process.stdout.write(`${file.filePath}\t${file.rows}\n`);
        effects.log(`${files.length} files written to ${args.out}`);
      } finally {
        store.close();
      }
    }),
});
