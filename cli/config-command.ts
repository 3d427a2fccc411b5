/** `callqa config [--json] [--config FILE] [--<setting> VALUE…]`: the settings a command would run with, and where each came from. */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { settingKeys, type Settings } from '../config/index.ts';

function formatSettingsTable(settings: Settings): string {
  const rows = [['setting', 'value', 'source'], ...settingKeys.map((key) => [key, JSON.stringify(settings[key].value), settings[key].source])];
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell)).join('  ')).join('\n') + '\n';
}

export const configCommand = defineCommand({
  meta: commandMeta.config,
  args: {
    json: { type: 'boolean', description: 'Print {"<setting>": {"value", "source"}} as JSON instead of a table', default: false },
    ...configArg,
    ...settingArgs(settingKeys),
  },
  run: ({ args }) =>
    reportFailures(async () => {
      const settings = await loadCommandSettings(args, settingKeys);
      process.stdout.write(args.json ? `${JSON.stringify(settings, null, 2)}\n` : formatSettingsTable(settings));
    }),
});
