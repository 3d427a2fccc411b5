/**
 * Flags for settings: citty describes them but gives them no default, because a default there
 * would always win over the environment and the settings file. Defaults live in config/.
 */
import type { StringArgDef } from 'citty';
import { loadSettings, settingsSchema, type SettingFlags, type SettingKey, type Settings } from '../config/index.ts';

export const configArg = {
  config: { type: 'string', description: 'Settings file (default: ./callqa.config.json when present; see `callqa config`)' },
} as const satisfies Record<string, StringArgDef>;

/** The flags of these settings, as citty args, each described with its built-in default. */
export function settingArgs(keys: readonly SettingKey[]): Record<string, StringArgDef> {
  return Object.fromEntries(
    keys.map((key) => {
      const { flag, description, default: builtIn } = settingsSchema[key];
      return [flag, { type: 'string', description: `${description} (built-in: ${Array.isArray(builtIn) ? builtIn.join(',') : String(builtIn)})` }];
    }),
  );
}

/** Resolves the settings for a command from its parsed flags (those of `keys` and `--config`), the environment and the file. */
export function loadCommandSettings(args: Readonly<Record<string, unknown>>, keys: readonly SettingKey[]): Promise<Settings> {
  const flags: SettingFlags = {};
  for (const key of keys) {
    const text = args[settingsSchema[key].flag];
    if (typeof text === 'string') flags[key] = text;
  }
  return loadSettings({ flags, configPath: typeof args.config === 'string' ? args.config : undefined });
}
