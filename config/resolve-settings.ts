/**
 * Settings in layers — flags > environment > settings file > rule-pack defaults > built-ins —
 * each value checked against its schema where it was written, so an error names the key and
 * the flag, variable or file to fix. The result is frozen and remembers where each value came from.
 */
import { Value } from '@sinclair/typebox/value';
import { CallqaError } from '../core/errors.ts';
import { settingKeys, settingsSchema, type SettingDefinition, type SettingKey, type SettingValue } from './settings-schema.ts';

export type SettingSource = `flag --${string}` | `env CALLQA_${string}` | `file ${string}` | 'rule-pack' | 'default';

export type Settings = { readonly [K in SettingKey]: Readonly<{ value: SettingValue<K>; source: SettingSource }> };

/** What was typed on the command line, by setting key; only the flags a command declares. */
export type SettingFlags = Partial<Record<SettingKey, string>>;

/** A parsed settings file: an object whose keys are setting keys. */
export interface SettingsFile {
  /** Absolute path, as the source of its values. */
  path: string;
  values: Readonly<Record<string, unknown>>;
}

export interface SettingLayers {
  flags?: SettingFlags;
  /** The environment; nothing when left out, so a library caller gets the built-ins. */
  env?: NodeJS.ProcessEnv;
  file?: SettingsFile | null;
}

/**
 * No setting has a rule-pack default: the packs hold lexicons, thresholds and weights per
 * language, and none of those is a setting. The layer keeps its place in the precedence so a
 * pack field that becomes a setting slots in without reordering the others.
 */
const rulePackDefaults: Partial<Record<SettingKey, unknown>> = Object.freeze({});

interface Candidate {
  value: unknown;
  source: SettingSource;
  /** How the value was written, and where to fix it, for the error message. */
  written: string;
  subject: string;
  remedy: string;
}

function candidatesOf(key: SettingKey, definition: SettingDefinition, layers: SettingLayers): Candidate[] {
  const candidates: Candidate[] = [];
  const flagText = layers.flags?.[key];
  if (flagText !== undefined) {
    candidates.push({
      value: definition.fromText(flagText), source: `flag --${definition.flag}`, written: JSON.stringify(flagText),
      subject: `--${definition.flag}`, remedy: ` (setting ${key}); fix the flag or leave it out`,
    });
  }
  // An empty variable counts as unset, as shells make `CALLQA_X= callqa …` the way to clear one.
  const envText = layers.env?.[definition.env];
  if (envText !== undefined && envText !== '') {
    candidates.push({
      value: definition.fromText(envText), source: `env ${definition.env}`, written: JSON.stringify(envText),
      subject: definition.env, remedy: ` (setting ${key}); fix or unset it`,
    });
  }
  const file = layers.file;
  if (file && Object.hasOwn(file.values, key)) {
    candidates.push({
      value: file.values[key], source: `file ${file.path}`, written: JSON.stringify(file.values[key]),
      subject: `setting ${key} in ${file.path}`, remedy: '; fix it in that file',
    });
  }
  if (Object.hasOwn(rulePackDefaults, key)) {
    candidates.push({ value: rulePackDefaults[key], source: 'rule-pack', written: JSON.stringify(rulePackDefaults[key]), subject: `rule-pack default of ${key}`, remedy: '' });
  }
  return candidates;
}

function refuseUnknownKeys(file: SettingsFile): void {
  const unknown = Object.keys(file.values).filter((key) => !Object.hasOwn(settingsSchema, key));
  if (unknown.length > 0) {
    throw new CallqaError(
      'CQA_ERR_CONFIG_INVALID',
      `${file.path}: unknown setting${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}; ` +
        `the settings are ${settingKeys.join(', ')} (README, "Configuration")`,
    );
  }
}

/** Resolves every setting from the layers given, checking each value in every layer, not only the winning one. */
export function resolveSettings(layers: SettingLayers = {}): Settings {
  if (layers.file) refuseUnknownKeys(layers.file);
  const resolved = settingKeys.map((key) => {
    const definition: SettingDefinition = settingsSchema[key];
    const candidates = candidatesOf(key, definition, layers);
    for (const candidate of candidates) {
      if (!Value.Check(definition.schema, candidate.value)) {
        throw new CallqaError(
          'CQA_ERR_CONFIG_INVALID',
          `${candidate.subject} must be ${definition.expected}, got ${candidate.written}${candidate.remedy}`,
        );
      }
    }
    const winner = candidates[0] ?? { value: definition.default, source: 'default' as const };
    return [key, Object.freeze({ value: Object.freeze(winner.value), source: winner.source })] as const;
  });
  return Object.freeze(Object.fromEntries(resolved)) as Settings;
}
