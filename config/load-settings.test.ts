import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { loadSettings } from './load-settings.ts';

describe('loadSettings', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder('callqa-settings-');
    await mkdir(temp.file('with-file'));
    await mkdir(temp.file('without-file'));
    await writeFile(temp.file('with-file/callqa.config.json'), JSON.stringify({ port: 9100, whisperModelId: 'whisper-base' }));
    await writeFile(temp.file('other.json'), JSON.stringify({ port: 9200 }));
    await writeFile(temp.file('broken.json'), '{"port": 9200,');
    await writeFile(temp.file('list.json'), '[]');
  });
  afterAll(() => temp.remove());

  it('reads callqa.config.json from the working directory, and is content without one', async () => {
    const settings = await loadSettings({ cwd: temp.file('with-file'), env: {} });
    expect(settings.port).toEqual({ value: 9100, source: `file ${temp.file('with-file/callqa.config.json')}` });
    expect(settings.whisperModelId.value).toBe('whisper-base');
    expect((await loadSettings({ cwd: temp.file('without-file'), env: {} })).port).toEqual({ value: 8080, source: 'default' });
  });

  it('reads the file --config names (relative to the working directory) instead of the default one', async () => {
    const settings = await loadSettings({ cwd: temp.file('with-file'), configPath: '../other.json', env: {} });
    expect(settings.port).toEqual({ value: 9200, source: `file ${temp.file('other.json')}` });
    expect(settings.whisperModelId.source).toBe('default');
  });

  it.each([
    ['missing.json', /^--config .*missing\.json: no such file; name a readable JSON file/],
    ['broken.json', /broken\.json: not valid JSON/],
    ['list.json', /list\.json: must hold one JSON object of settings/],
  ])('refuses --config %s', async (name, message) => {
    await expect(loadSettings({ cwd: temp.folder, configPath: name, env: {} })).rejects.toMatchObject({
      code: 'CQA_ERR_CONFIG_INVALID', message: expect.stringMatching(message),
    });
  });
});
