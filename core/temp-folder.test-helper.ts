/** A fresh folder under the system temp directory per test, removed with everything in it. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface TempFolder {
  folder: string;
  file(name: string): string;
  remove(): Promise<void>;
}

export async function createTempFolder(prefix = 'callqa-test-'): Promise<TempFolder> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  return {
    folder,
    file: (name) => path.join(folder, name),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
