/**
 * Reads the settings file — the one `--config` names, else `callqa.config.json` in the working
 * directory when there is one — and resolves the settings over it, the environment and the flags.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CallqaError } from '../core/errors.ts';
import { resolveSettings, type SettingFlags, type Settings, type SettingsFile } from './resolve-settings.ts';

export const defaultSettingsFileName = 'callqa.config.json';

export interface SettingsRequest {
  flags?: SettingFlags;
  /** `--config`: a file that must exist. Without it, `callqa.config.json` in `cwd` is read when present. */
  configPath?: string | undefined;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function findSettingsFile(configPath: string | undefined, cwd: string): Promise<SettingsFile | null> {
  const filePath = path.resolve(cwd, configPath ?? defaultSettingsFileName);
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && configPath === undefined) return null;
    const detail = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--config ${filePath}: ${detail}; name a readable JSON file, or leave --config out to read ./${defaultSettingsFileName} when present`, { cause: error });
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (error) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `${filePath}: not valid JSON (${(error as Error).message}); fix the file`, { cause: error });
  }
  if (!isPlainObject(values)) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `${filePath}: must hold one JSON object of settings, e.g. {"dbPath": "data/callqa.duckdb"}`);
  }
  return { path: filePath, values };
}

/** The settings a command runs with; throws CQA_ERR_CONFIG_INVALID naming the key and the layer. */
export async function loadSettings(request: SettingsRequest = {}): Promise<Settings> {
  const cwd = request.cwd ?? process.cwd();
  const file = await findSettingsFile(request.configPath, cwd);
  return resolveSettings({ flags: request.flags ?? {}, env: request.env ?? process.env, file });
}
