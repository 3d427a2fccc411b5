import path from 'node:path';
import { defineCommand } from 'citty';
import { reportFailures } from './report-failures.ts';
import { loadManifest, findModelEntry, type ModelEntry } from '../models/manifest.ts';
import { resolveHubUrl, resolveVariant, toPullableModel } from '../models/hub.ts';
import { defaultModelsDir } from '../models/locations.ts';
import { createStreamProgressSink } from '../models/progress.ts';
import { loadModelLock, pullModel } from '../models/pull.ts';
import { resolveModel } from '../models/registry.ts';

const modelsDirArg = { type: 'string', description: 'Folder of installed models', default: defaultModelsDir() } as const;

const isHub = (entry: ModelEntry) => 'hub' in entry.source;
const resolveOptions = (entry: ModelEntry, modelsDir: string) => (isHub(entry) ? { modelsRootDir: modelsDir } : {});

async function installedState(entry: ModelEntry, modelsDir: string): Promise<string> {
  if (!isHub(entry)) return 'bundled';
  const lock = await loadModelLock(path.join(modelsDir, entry.id));
  return lock ? `installed (${lock.variant ?? 'default'})` : 'not installed';
}

const listCommand = defineCommand({
  meta: { name: 'list', description: 'Every model callqa knows, with source, licence and whether it is installed' },
  args: { 'models-dir': modelsDirArg },
  run: ({ args }) =>
    reportFailures(async () => {
      for (const entry of loadManifest().models) {
        const source = 'hub' in entry.source ? `${entry.source.hub.repo}@${entry.source.hub.revision.slice(0, 7)}` : `npm ${entry.source.npm.package}@${entry.source.npm.version}`;
        process.stdout.write(`${entry.id}\t${entry.task}\t${await installedState(entry, args['models-dir'])}\t${entry.licence}\t${source}\n  ${entry.description}\n`);
      }
    }),
});

const pullCommand = defineCommand({
  meta: { name: 'pull', description: 'Download a model (resumable), verify every file and install it atomically' },
  args: {
    id: { type: 'positional', required: true, description: 'Model id from `callqa models list`' },
    variant: { type: 'string', description: 'Weights: q8 (default: fp32 encoder, 8-bit decoder), fp16 or fp32' },
    'models-dir': modelsDirArg,
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const pullable = toPullableModel(findModelEntry(args.id), resolveVariant(args.variant), resolveHubUrl());
      const lock = await pullModel(pullable, args['models-dir'], createStreamProgressSink());
      const totalBytes = lock.files.reduce((sum, file) => sum + file.size_bytes, 0);
      effects.log(`installed ${lock.id} (${lock.variant}, ${(totalBytes / 1e6).toFixed(1)} MB) in ${path.join(args['models-dir'], lock.id)}`);
    }),
});

const verifyCommand = defineCommand({
  meta: { name: 'verify', description: 'Check installed models file by file (size and sha256)' },
  args: { id: { type: 'positional', required: false, description: 'One model id; all installed ones when left out' }, 'models-dir': modelsDirArg },
  run: ({ args }) =>
    reportFailures(async () => {
      const entries = args.id ? [findModelEntry(args.id)] : loadManifest().models;
      for (const entry of entries) {
        if (!args.id && (await installedState(entry, args['models-dir'])) === 'not installed') continue;
        const model = await resolveModel(entry.id, resolveOptions(entry, args['models-dir']));
        process.stdout.write(`${entry.id}\tok\t${model.files.length} file(s) verified\n`);
      }
    }),
});

const pathCommand = defineCommand({
  meta: { name: 'path', description: "Print the folder holding a model's files (its only line on stdout)" },
  args: { id: { type: 'positional', required: true, description: 'Model id' }, 'models-dir': modelsDirArg },
  run: ({ args }) =>
    reportFailures(async () => {
      const entry = findModelEntry(args.id);
      const model = await resolveModel(entry.id, resolveOptions(entry, args['models-dir']));
      process.stdout.write(`${path.dirname(model.files[0]!.absolutePath)}\n`);
    }),
});

export const modelsCommand = defineCommand({
  meta: { name: 'models', description: 'List, download, verify and locate models' },
  subCommands: { list: listCommand, pull: pullCommand, verify: verifyCommand, path: pathCommand },
});
