/** `callqa kpi [--by agent|queue|day|week] [--since DATE] [--json]`: contact-centre KPIs as a table or JSON. */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { defaultServiceLevelS, findKpis, formatKpiTable, kpiGroupings, resolveKpiOptions } from '../store/kpi/index.ts';
import { openStore } from '../store/index.ts';

export const kpiCommand = defineCommand({
  meta: commandMeta.kpi,
  args: {
    by: { type: 'string', description: `Group by ${kpiGroupings.join(', ')}`, default: 'agent' },
    since: { type: 'string', description: 'Only contacts offered on or after this ISO date' },
    'service-level-s': { type: 'string', description: 'Service-level target: answered within this many seconds', default: String(defaultServiceLevelS) },
    json: { type: 'boolean', description: 'Print a JSON array of rows instead of a table', default: false },
    ...configArg,
    ...settingArgs(['dbPath']),
  },
  run: ({ args }) =>
    reportFailures(async () => {
      const options = resolveKpiOptions({ groupBy: args.by, since: args.since ?? null, serviceLevelS: args['service-level-s'] });
      const { dbPath } = await loadCommandSettings(args, ['dbPath']);
      const store = await openStore(dbPath.value);
      try {
        const rows = await findKpis(store, options);
        process.stdout.write(args.json ? `${JSON.stringify(rows, null, 2)}\n` : formatKpiTable(rows, options.groupBy));
      } finally {
        store.close();
      }
    }),
});
