import { describe, expect, it } from 'vitest';
import { resolveSettings, type SettingsFile } from './resolve-settings.ts';
import { settingKeys, settingsSchema } from './settings-schema.ts';

const file = (values: Record<string, unknown>): SettingsFile => ({ path: '/srv/callqa/callqa.config.json', values });

describe('resolveSettings', () => {
  it('gives every built-in with source "default" when no layer sets anything, and freezes the result', () => {
    const settings = resolveSettings();
    for (const key of settingKeys) expect(settings[key]).toEqual({ value: settingsSchema[key].default, source: 'default' });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings.port)).toBe(true);
    expect(Object.isFrozen(settings.languages.value)).toBe(true);
  });

  it('takes a flag over the environment, the environment over the file, the file over the built-in', () => {
    const layers = {
      flags: { port: '9300' },
      env: { CALLQA_PORT: '9200', CALLQA_DB: '/env/calls.duckdb' },
      file: file({ port: 9100, dbPath: '/file/calls.duckdb', languages: ['en', 'hu'] }),
    };
    const settings = resolveSettings(layers);
    expect(settings.port).toEqual({ value: 9300, source: 'flag --port' });
    expect(settings.dbPath).toEqual({ value: '/env/calls.duckdb', source: 'env CALLQA_DB' });
    expect(settings.languages).toEqual({ value: ['en', 'hu'], source: 'file /srv/callqa/callqa.config.json' });
    expect(settings.host).toEqual({ value: '127.0.0.1', source: 'default' });
    expect(resolveSettings({ ...layers, flags: {} }).port).toEqual({ value: 9200, source: 'env CALLQA_PORT' });
    expect(resolveSettings({ file: layers.file }).port).toEqual({ value: 9100, source: 'file /srv/callqa/callqa.config.json' });
  });

  it('reads text from flags and the environment as the setting needs it; an empty variable counts as unset', () => {
    const settings = resolveSettings({
      flags: { languages: ' ru, en ', agentChannel: '1' },
      env: { CALLQA_DB_THREADS: '2', CALLQA_LANGUAGE: 'hu', CALLQA_HOST: '' },
    });
    expect(settings.languages.value).toEqual(['ru', 'en']);
    expect(settings.agentChannel.value).toBe(1);
    expect(settings.duckdbThreads).toEqual({ value: 2, source: 'env CALLQA_DB_THREADS' });
    expect(settings.forcedLanguage).toEqual({ value: 'hu', source: 'env CALLQA_LANGUAGE' });
    expect(settings.host.source).toBe('default');
  });

  it.each([
    ['a flag', { flags: { port: '99999' } }, /--port must be an integer from 0 to 65535, got "99999" \(setting port\)/],
    ['a variable', { env: { CALLQA_AGENT_CHANNEL: '2' } }, /CALLQA_AGENT_CHANNEL must be 0 or 1, got "2" \(setting agentChannel\); fix or unset it/],
    ['the file', { file: file({ queueLimit: '10' }) }, /setting queueLimit in \/srv\/callqa\/callqa.config.json must be a positive integer, got "10"/],
    ['a list', { flags: { languages: 'en,de' } }, /--languages must be a non-empty list of distinct codes from en, ru, hu.*got "en,de"/],
    ['a shadowed layer', { flags: { port: '9000' }, env: { CALLQA_PORT: 'eighty' } }, /CALLQA_PORT must be an integer/],
  ])('refuses a bad value in %s, naming the key and the layer', (_, layers, message) => {
    expect(() => resolveSettings(layers)).toThrow(expect.objectContaining({ code: 'CQA_ERR_CONFIG_INVALID', message: expect.stringMatching(message) }));
  });

  it('refuses unknown keys in the file, listing them and the known ones', () => {
    expect(() => resolveSettings({ file: file({ port: 9000, prot: 9000, dbpath: 'x' }) })).toThrow(expect.objectContaining({
      code: 'CQA_ERR_CONFIG_INVALID',
      message: expect.stringMatching(/^\/srv\/callqa\/callqa.config.json: unknown settings "prot", "dbpath"; the settings are dbPath, modelsDir/),
    }));
  });
});
