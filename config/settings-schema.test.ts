import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { settingKeys, settingsSchema } from './settings-schema.ts';

/** The README's Configuration table: key, flag, environment variable, built-in (its first code span). */
const readmeRows = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => /^\| `(\w+)` \| `--([\w-]+)` \| `(CALLQA_\w+)` \| `([^`]*)`/.exec(line))
  .filter((match) => match !== null)
  .map(([, key, flag, env, builtIn]) => ({ key, flag, env, builtIn }));

describe('settings schema', () => {
  it('the README lists exactly the settings, with their flags, variables and built-ins', () => {
    const schemaRows = settingKeys.map((key) => {
      const { flag, env, default: builtIn } = settingsSchema[key];
      return { key, flag, env, builtIn: typeof builtIn === 'string' ? builtIn : JSON.stringify(builtIn) };
    });
    expect(readmeRows).toEqual(schemaRows);
  });

  it('every built-in passes its own schema, and no two settings share a flag or a variable', () => {
    for (const key of settingKeys) expect(Value.Check(settingsSchema[key].schema, settingsSchema[key].default), key).toBe(true);
    expect(new Set(settingKeys.map((key) => settingsSchema[key].flag)).size).toBe(settingKeys.length);
    expect(new Set(settingKeys.map((key) => settingsSchema[key].env)).size).toBe(settingKeys.length);
  });
});
