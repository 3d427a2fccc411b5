/**
 * `callqa serve [--db PATH] [--port N] [--host ADDRESS] [--print-admin-token] [--db-threads N]
 * [--models-dir DIR] [--whisper-model ID] [--uploads-dir DIR] [--cache-dir DIR] [--queue-limit N]`: runs the QA server over the database until SIGINT or SIGTERM. stdout
 * gets the URL (and, when asked, a fresh admin token); logs and job progress go to stderr.
 * While it runs, the server is the database's single writer: uploads are analysed inside it,
 * with the same models and rule packs `callqa analyze` would use.
 */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { untilStopped } from './until-stopped.ts';
import { createApp } from '../api/app.ts';
import { ensureAdminToken } from '../api/services/tokens.ts';
import { toAnalyzeConfigSpec } from '../config/index.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { resolveFfmpegBinaries } from '../pipeline/ingest/index.ts';
import { openStore } from '../store/index.ts';

const settingKeys = [
  'dbPath', 'port', 'host', 'duckdbThreads', 'modelsDir', 'whisperModelId', 'uploadsDir', 'cacheDir', 'queueLimit', 'agentSentiment',
  'redaction', 'rulePacksDir', 'scorecardPath', 'redisUrl', 'disputeWindowDays', 'retentionDays',
] as const;

export const serveCommand = defineCommand({
  meta: commandMeta.serve,
  args: {
    'print-admin-token': { type: 'boolean', description: 'Issue a fresh token for the built-in admin user and print it', default: false },
    ...configArg,
    ...settingArgs(settingKeys),
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const settings = await loadCommandSettings(args, settingKeys);
      resolveFfmpegBinaries();
      const analyzeConfig = await resolveAnalyzeConfig(toAnalyzeConfigSpec(settings), effects);
      const store = await openStore(settings.dbPath.value);
      try {
        const adminToken = args['print-admin-token'] ? await ensureAdminToken(store) : undefined;
        const app = await createApp({
          store, analyzeConfig, effects, logger: { level: 'warn', stream: process.stderr },
          duckdbThreads: settings.duckdbThreads.value,
          uploadsDir: settings.uploadsDir.value ?? undefined,
          cacheDir: settings.cacheDir.value ?? undefined,
          queueLimit: settings.queueLimit.value,
          redisUrl: settings.redisUrl.value,
          disputeWindowDays: settings.disputeWindowDays.value,
          retentionDays: settings.retentionDays.value,
        });
        const stopped = untilStopped(); // listening for signals before announcing the URL
        const url = await app.listen({ host: settings.host.value, port: settings.port.value });
        process.stdout.write(`callqa QA server: ${url} (API docs: ${url}/docs)\n`);
        if (adminToken) process.stdout.write(`admin token: ${adminToken}\n`);
        effects.log(`serving ${settings.dbPath.value}; stop with Ctrl-C`);
        effects.log(`${await stopped} received: finishing the job in flight, then stopping`);
        await app.close();
      } finally {
        store.close();
      }
    }),
});
