import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { findRecordings } from './find-recordings.ts';

describe('findRecordings', () => {
  let temp: TempFolder;
  let root: string;
  beforeAll(async () => {
    temp = await createTempFolder();
    root = temp.file('calls');
    // Content-addressed storage with named links, as phone systems export it.
    for (const file of ['calls/.store/blob-1', 'calls/.store/blob-2', 'calls/queue-a/direct.wav', 'calls/.archive/old.mp3', 'outside/secret.wav']) {
      await mkdir(temp.file(path.dirname(file)), { recursive: true });
      await writeFile(temp.file(file), 'x');
    }
    await symlink('../.store/blob-1', temp.file('calls/queue-a/monday.wav'));
    await symlink(temp.file('calls/.store/blob-2'), temp.file('calls/queue-a/tuesday.wav'));
    await symlink('direct.wav', temp.file('calls/queue-a/again.wav')); // the same file under a second name
    await symlink('.archive', temp.file('calls/archive')); // a folder inside the root
    await symlink('../../outside/secret.wav', temp.file('calls/queue-a/leak.wav'));
    await symlink('../outside', temp.file('calls/elsewhere'));
    await symlink('/dev/zero', temp.file('calls/queue-a/zero.wav'));
    await symlink('missing.wav', temp.file('calls/queue-a/broken.wav'));
    await symlink('..', temp.file('calls/queue-a/up')); // a loop back to the root
  });
  afterAll(() => temp.remove());

  it('follows links to recordings and folders inside the walked folder, once each, and no link out of it', async () => {
    expect(await findRecordings([root])).toEqual([
      path.join(root, 'archive/old.mp3'),
      path.join(root, 'queue-a/again.wav'),
      path.join(root, 'queue-a/monday.wav'),
      path.join(root, 'queue-a/tuesday.wav'),
    ]);
  });

  it('walks a linked folder given as the input itself, within its target', async () => {
    await symlink(root, temp.file('calls-link'));
    expect(await findRecordings([temp.file('calls-link')])).toHaveLength(4);
  });

  it('keeps explicit paths as given, even links out of any folder', async () => {
    const explicit = [temp.file('calls/queue-a/zero.wav'), temp.file('nowhere.wav')];
    expect(await findRecordings(explicit)).toEqual(explicit);
  });

  it('picks up chat and e-mail conversations in a walked folder by content, and no sidecar or call-detail file', async () => {
    const folder = temp.file('mixed');
    await mkdir(folder);
    const files = {
      'a.wav': 'x', 'a.meta.json': '{"agent": "a-1"}', 'a.transcript.json': '{"utterances": []}', 'cdr.csv': 'call_id,agent_id\n1,a\n',
      'b.json': '{"channel": "chat", "messages": []}', 'c.csv': 'timestamp,author,text\n', 'd.eml': '', 'e.mbox': '', 'notes.txt': 'x',
    };
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(folder, name), content);
    expect((await findRecordings([folder])).map((file) => path.basename(file))).toEqual(['a.wav', 'b.json', 'c.csv', 'd.eml', 'e.mbox']);
  });
});
