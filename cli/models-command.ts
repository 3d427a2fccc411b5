import path from 'node:path';
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { filesOfVariant, loadManifest, findModelEntry, type ModelEntry } from '../models/manifest.ts';
import { resolveVariant, toPullableModel } from '../models/hub.ts';
import { createStreamProgressSink } from '../models/progress.ts';
import { loadModelLock, pullModel } from '../models/pull.ts';
import { resolveModel } from '../models/registry.ts';

const modelsDirArgs = { ...configArg, ...settingArgs(['modelsDir']) };
const loadModelsDir = async (args: Readonly<Record<string, unknown>>) => (await loadCommandSettings(args, ['modelsDir'])).modelsDir.value;

const isHub = (entry: ModelEntry) => 'hub' in entry.source;
const resolveOptions = (entry: ModelEntry, modelsDir: string) => (isHub(entry) ? { modelsRootDir: modelsDir } : {});

async function installedState(entry: ModelEntry, modelsDir: string): Promise<string> {
  if (!isHub(entry)) return 'bundled';
  const lock = await loadModelLock(path.join(modelsDir, entry.id));
  return lock ? `installed (${lock.variant ?? 'default'})` : 'not installed';
}

/** Total size of the default variant's files, when the manifest records every one. */
function recordedSizeBytes(entry: ModelEntry): number | null {
  const files = filesOfVariant(entry, null);
  return files.every((file) => file.size_bytes !== undefined) ? files.reduce((sum, file) => sum + file.size_bytes!, 0) : null;
}

const listCommand = defineCommand({
  meta: { name: 'list', description: 'Every model callqa knows, with source, licence and whether it is installed' },
  args: modelsDirArgs,
  run: ({ args }) =>
    reportFailures(async () => {
      const modelsDir = await loadModelsDir(args);
      const { models, speech_to_text: byLanguage } = loadManifest();
      for (const entry of models) {
        const source = 'hub' in entry.source ? `${entry.source.hub.repo}@${entry.source.hub.revision.slice(0, 7)}` : `npm ${entry.source.npm.package}@${entry.source.npm.version}`;
        const defaultFor = Object.keys(byLanguage).filter((language) => byLanguage[language] === entry.id);
        const details = [
          `languages ${entry.languages.join(', ')}`,
          ...(entry.engine ? [`engine ${entry.engine}`] : []),
          ...(recordedSizeBytes(entry) === null ? [] : [`${(recordedSizeBytes(entry)! / 1e6).toFixed(0)} MB`]),
          ...(defaultFor.length > 0 ? [`default for ${defaultFor.join(', ')}`] : []),
        ];
        process.stdout.write(`${entry.id}\t${entry.task}\t${await installedState(entry, modelsDir)}\t${entry.licence}\t${source}\n  ${entry.description}\n  ${details.join('; ')}\n`);
      }
    }),
});

const pullCommand = defineCommand({
  meta: { name: 'pull', description: 'Download a model (resumable), verify every file and install it atomically' },
  args: {
    id: { type: 'positional', required: true, description: 'Model id from `callqa models list`' },
    variant: { type: 'string', description: 'Weights: q8 (default: fp32 encoder, 8-bit decoder), fp16 or fp32' },
    ...configArg,
    ...settingArgs(['modelsDir', 'hubUrl']),
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const settings = await loadCommandSettings(args, ['modelsDir', 'hubUrl']);
      const modelsDir = settings.modelsDir.value;
      const pullable = toPullableModel(findModelEntry(args.id), resolveVariant(args.variant), settings.hubUrl.value);
      const lock = await pullModel(pullable, modelsDir, createStreamProgressSink());
      const totalBytes = lock.files.reduce((sum, file) => sum + file.size_bytes, 0);
      effects.log(`installed ${lock.id} (${lock.variant}, ${(totalBytes / 1e6).toFixed(1)} MB) in ${path.join(modelsDir, lock.id)}`);
    }),
});

const verifyCommand = defineCommand({
  meta: { name: 'verify', description: 'Check installed models file by file (size and sha256)' },
  args: { id: { type: 'positional', required: false, description: 'One model id; all installed ones when left out' }, ...modelsDirArgs },
  run: ({ args }) =>
    reportFailures(async () => {
      const modelsDir = await loadModelsDir(args);
      const entries = args.id ? [findModelEntry(args.id)] : loadManifest().models;
      for (const entry of entries) {
        if (!args.id && (await installedState(entry, modelsDir)) === 'not installed') continue;
        const model = await resolveModel(entry.id, resolveOptions(entry, modelsDir));
        process.stdout.write(`${entry.id}\tok\t${model.files.length} file(s) verified\n`);
      }
    }),
});

const pathCommand = defineCommand({
  meta: { name: 'path', description: "Print the folder holding a model's files (its only line on stdout)" },
  args: { id: { type: 'positional', required: true, description: 'Model id' }, ...modelsDirArgs },
  run: ({ args }) =>
    reportFailures(async () => {
      const entry = findModelEntry(args.id);
      const model = await resolveModel(entry.id, resolveOptions(entry, await loadModelsDir(args)));
      process.stdout.write(`${path.dirname(model.files[0]!.absolutePath)}\n`);
    }),
});

export const modelsCommand = defineCommand({
  meta: commandMeta.models,
  subCommands: { list: listCommand, pull: pullCommand, verify: verifyCommand, path: pathCommand },
});
