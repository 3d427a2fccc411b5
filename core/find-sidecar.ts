import { access } from 'node:fs/promises';
import path from 'node:path';

/** The first existing file beside a recording named `<recording without extension><suffix>`, in the order given, or null. */
export async function findSidecar(recordingPath: string, suffixes: readonly string[]): Promise<string | null> {
  const parsed = path.parse(recordingPath);
  for (const suffix of suffixes) {
    const candidate = path.join(parsed.dir, parsed.name + suffix);
    if (await access(candidate).then(() => true, () => false)) return candidate;
  }
  return null;
}
