import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Extensions picked up when walking a folder; a file named explicitly is always tried. */
export const recordingExtensions: ReadonlySet<string> = new Set([
  '.wav', '.wave', '.mp3', '.gsm', '.ogg', '.oga', '.opus', '.m4a', '.aac', '.flac', '.amr', '.au', '.wma',
  '.mp4', '.m4v', '.mov', '.mkv', '.webm', '.3gp',
]);

async function walk(folder: string, found: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = path.join(folder, entry.name);
    if (entry.isDirectory()) await walk(child, found);
    else if (entry.isFile() && recordingExtensions.has(path.extname(entry.name).toLowerCase())) found.push(child);
  }
}

/**
 * Expands the inputs into recording paths, in a stable order. Paths that do not exist are
 * kept so the batch reports them as failed files instead of silently dropping them.
 */
export async function findRecordings(inputs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const inputStat = await stat(input).catch(() => undefined);
    if (inputStat?.isDirectory()) await walk(input, found);
    else found.push(input);
  }
  return [...new Set(found)];
}
