import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { sniffConversationFormat } from '../conversation/index.ts';

/** Extensions picked up when walking a folder (with chat and e-mail conversations, told by content); a file named explicitly is always tried. */
export const recordingExtensions: ReadonlySet<string> = new Set([
  '.wav', '.wave', '.mp3', '.gsm', '.ogg', '.oga', '.opus', '.m4a', '.aac', '.flac', '.amr', '.au', '.wma',
  '.mp4', '.m4v', '.mov', '.mkv', '.webm', '.3gp',
]);

interface Walk {
  /** Real path of the folder the user gave: links are followed only to what lies inside it. */
  root: string;
  /** Real paths of folders already walked, so a link back up does not loop. */
  visited: Set<string>;
  /** Real paths of recordings found, so a file and a link to it are analysed once. */
  files: Set<string>;
  found: string[];
}

const isInside = (root: string, target: string) => target === root || target.startsWith(root + path.sep);

async function walk(folder: string, realFolder: string, state: Walk): Promise<void> {
  if (state.visited.has(realFolder)) return;
  state.visited.add(realFolder);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => undefined);
  // Kept so the batch reports the folder as failed (ingest names why) while the rest is analysed.
  if (!entries) return void state.found.push(folder);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let realChild = path.join(realFolder, entry.name);
    if (entry.isSymbolicLink()) {
      // A link is followed when its target lies inside the walked root: a folder of links to
      // recordings works, a link to /etc or /dev does not pull them in. Broken links are skipped.
      const target = await realpath(child).catch(() => undefined);
      const targetStat = target === undefined ? undefined : await stat(target).catch(() => undefined);
      if (target === undefined || !targetStat || !isInside(state.root, target)) continue;
      [isDirectory, isFile, realChild] = [targetStat.isDirectory(), targetStat.isFile(), target];
    }
    if (isDirectory) await walk(child, realChild, state);
    else if (isFile && !state.files.has(realChild)
      && (recordingExtensions.has(path.extname(entry.name).toLowerCase()) || (await sniffConversationFormat(child, false)) !== null)) {
      state.files.add(realChild);
      state.found.push(child);
    }
  }
}

/**
 * Expands the inputs into recording and conversation paths, in a stable order. Paths that do not exist, and
 * folders that cannot be read, are kept so the batch reports them as failed instead of
 * silently dropping them (or failing the whole batch). Symbolic links inside a walked folder
 * are followed when they point inside that folder.
 */
export async function findRecordings(inputs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const files = new Set<string>();
  for (const input of inputs) {
    const inputStat = await stat(input).catch(() => undefined);
    if (inputStat?.isDirectory()) {
      const root = await realpath(input);
      await walk(input, root, { root, visited: new Set(), files, found });
    } else {
      found.push(input);
    }
  }
  return [...new Set(found)];
}
