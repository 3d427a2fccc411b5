import { defineCommand, runMain, type ArgsDef, type CommandDef, type CommandMeta, type Resolvable, type SubCommandsDef } from 'citty';
import { callqaVersion } from '../core/version.ts';
import { commandMeta, mainMeta } from './command-meta.ts';

type LoadCommand = () => Promise<SubCommandsDef[string]>;

const resolve = async <T>(value: Resolvable<T>): Promise<T> => (typeof value === 'function' ? (value as () => T | Promise<T>)() : value);

/** A command whose module loads only when it runs or prints its own help, so listing it costs nothing. */
function lazyCommand(meta: CommandMeta, load: LoadCommand): CommandDef {
  const command = async () => resolve(await load());
  return {
    meta,
    args: async (): Promise<ArgsDef> => resolve((await command()).args ?? {}),
    run: async (context) => (await command()).run?.(context),
  };
}

/** A group (`models`, `users`): no `run` of its own, so `callqa models` alone still asks for a subcommand. */
function lazyCommandGroup(meta: CommandMeta, load: LoadCommand): CommandDef {
  return { meta, subCommands: async () => resolve((await resolve(await load())).subCommands ?? {}) };
}

export const mainCommand = defineCommand({
  meta: { ...mainMeta, version: callqaVersion },
  subCommands: {
    analyze: lazyCommand(commandMeta.analyze, () => import('./analyze-command.ts').then((module) => module.analyzeCommand)),
    models: lazyCommandGroup(commandMeta.models, () => import('./models-command.ts').then((module) => module.modelsCommand)),
    serve: lazyCommand(commandMeta.serve, () => import('./serve-command.ts').then((module) => module.serveCommand)),
    users: lazyCommandGroup(commandMeta.users, () => import('./users-command.ts').then((module) => module.usersCommand)),
    'import-cdr': lazyCommand(commandMeta['import-cdr'], () => import('./import-cdr-command.ts').then((module) => module.importCdrCommand)),
    kpi: lazyCommand(commandMeta.kpi, () => import('./kpi-command.ts').then((module) => module.kpiCommand)),
    export: lazyCommand(commandMeta.export, () => import('./export-command.ts').then((module) => module.exportCommand)),
    config: lazyCommand(commandMeta.config, () => import('./config-command.ts').then((module) => module.configCommand)),
    'access-log': lazyCommand(commandMeta['access-log'], () => import('./access-log-command.ts').then((module) => module.accessLogCommand)),
    rescore: lazyCommand(commandMeta.rescore, () => import('./rescore-command.ts').then((module) => module.rescoreCommand)),
    reindex: lazyCommand(commandMeta.reindex, () => import('./reindex-command.ts').then((module) => module.reindexCommand)),
    worker: lazyCommand(commandMeta.worker, () => import('./worker-command.ts').then((module) => module.workerCommand)),
    enqueue: lazyCommand(commandMeta.enqueue, () => import('./enqueue-command.ts').then((module) => module.enqueueCommand)),
    ingest: lazyCommand(commandMeta.ingest, () => import('./ingest-command.ts').then((module) => module.ingestCommand)),
    jobs: lazyCommand(commandMeta.jobs, () => import('./jobs-command.ts').then((module) => module.jobsCommand)),
    purge: lazyCommand(commandMeta.purge, () => import('./purge-command.ts').then((module) => module.purgeCommand)),
  },
});

// A reader that stops early (`callqa models list | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

await runMain(mainCommand);
