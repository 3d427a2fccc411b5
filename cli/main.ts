import { defineCommand, runMain } from 'citty';
import { callqaVersion } from '../core/version.ts';
import { analyzeCommand } from './analyze-command.ts';
import { exportCommand } from './export-command.ts';
import { importCdrCommand } from './import-cdr-command.ts';
import { kpiCommand } from './kpi-command.ts';
import { modelsCommand } from './models-command.ts';
import { serveCommand } from './serve-command.ts';
import { usersCommand } from './users-command.ts';

export const mainCommand = defineCommand({
  meta: { name: 'callqa', version: callqaVersion, description: 'Call-quality analytics for contact centres' },
  subCommands: {
    analyze: analyzeCommand,
    models: modelsCommand,
    serve: serveCommand,
    users: usersCommand,
    'import-cdr': importCdrCommand,
    kpi: kpiCommand,
    export: exportCommand,
  },
});

// A reader that stops early (`callqa models list | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await runMain(mainCommand);
