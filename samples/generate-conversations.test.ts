import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { conversationsDir, generateConversations } from './generate-conversations.ts';

describe('sample conversations', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it('are what their scripts generate, byte for byte, with a truth and metadata file each', async () => {
    const written = await generateConversations(temp.folder);
    expect(written.length).toBeGreaterThanOrEqual(12);
    const names = (await readdir(temp.folder)).sort();
    expect(names).toEqual((await readdir(conversationsDir)).sort());
    for (const name of names) expect(await readFile(temp.file(name)), name).toEqual(await readFile(path.join(conversationsDir, name)));
    for (const file of written) {
      const stem = path.basename(file, path.extname(file));
      expect(names, stem).toEqual(expect.arrayContaining([`${stem}.truth.json`, `${stem}.meta.json`]));
    }
  });
});
