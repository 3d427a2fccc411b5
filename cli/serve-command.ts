/**
 * `callqa serve [--db PATH] [--port N] [--host ADDRESS] [--print-admin-token] [--db-threads N]
 * [--models-dir DIR] [--whisper-model ID]`: runs the QA server over the database until SIGINT or SIGTERM. stdout
 * gets the URL (and, when asked, a fresh admin token); logs and job progress go to stderr.
 * While it runs, the server is the database's single writer: uploads are analysed inside it,
 * with the same models and rule packs `callqa analyze` would use.
 */
import { defineCommand } from 'citty';
import { reportFailures } from './report-failures.ts';
import { createApp } from '../api/app.ts';
import { ensureAdminToken } from '../api/services/tokens.ts';
import { defaultModelsDir, defaultWhisperModelId } from '../models/locations.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { CallqaError } from '../core/errors.ts';
import { resolveFfmpegBinaries } from '../pipeline/ingest/index.ts';
import { defaultDbPath, openStore } from '../store/index.ts';

function resolvePort(value: string): number {
  const port = Number(value);
  if (Number.isInteger(port) && port >= 0 && port <= 65_535) return port;
  throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--port must be an integer from 0 to 65535, got "${value}"`);
}

const untilStopped = () =>
  new Promise<NodeJS.Signals>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });

export const serveCommand = defineCommand({
  meta: { name: 'serve', description: 'Run the QA server (review, coaching, examples, uploads, exports) over the database' },
  args: {
    db: { type: 'string', description: 'DuckDB file to serve (created and migrated if needed)', default: defaultDbPath },
    port: { type: 'string', description: 'TCP port (0 picks a free one)', default: '8080' },
    host: { type: 'string', description: 'Address to listen on; 0.0.0.0 exposes it to the network', default: '127.0.0.1' },
    'print-admin-token': { type: 'boolean', description: 'Issue a fresh token for the built-in admin user and print it', default: false },
    'db-threads': { type: 'string', description: "DuckDB worker threads (default: DuckDB's, one per core); 1–2 keep small queries fast on a busy machine" },
    'models-dir': { type: 'string', description: 'Folder of installed models, for analysing uploads (callqa models pull)', default: defaultModelsDir() },
    'whisper-model': { type: 'string', description: 'Speech-to-text model id for uploads, from `callqa models list`', default: defaultWhisperModelId },
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const port = resolvePort(args.port);
      const duckdbThreads = args['db-threads'] === undefined ? null : Number(args['db-threads']);
      resolveFfmpegBinaries();
      const analyzeConfig = await resolveAnalyzeConfig({ modelsDir: args['models-dir'], whisperModelId: args['whisper-model'] }, effects);
      const store = await openStore(args.db);
      try {
        const adminToken = args['print-admin-token'] ? await ensureAdminToken(store) : undefined;
        const app = await createApp({ store, analyzeConfig, duckdbThreads, effects, logger: { level: 'warn', stream: process.stderr } });
        const stopped = untilStopped(); // listening for signals before announcing the URL
        const url = await app.listen({ host: args.host, port });
        process.stdout.write(`callqa QA server: ${url} (API docs: ${url}/docs)\n`);
        if (adminToken) process.stdout.write(`admin token: ${adminToken}\n`);
        effects.log(`serving ${args.db}; stop with Ctrl-C`);
        effects.log(`${await stopped} received: finishing the job in flight, then stopping`);
        await app.close();
      } finally {
        store.close();
      }
    }),
});
