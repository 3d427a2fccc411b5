/**
 * Finds the sample recordings and reads their ground truth (`callqa.truth/1`, described in
 * samples/README.md). Every recording has a truth file beside it named
 * `<file name without extension>.truth.json`; the MP3 variants share their stem with the
 * stereo call but have their own truth file in `variants/`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CallTruth } from '../samples/generator/truth.ts';

export type { CallTruth, TruthEvent, TruthUtterance } from '../samples/generator/truth.ts';

export interface SampleRecording {
  /** Path relative to the samples folder, e.g. `variants/en-06-delivery-reschedule.mp3`: unique. */
  label: string;
  audioPath: string;
  truthPath: string;
}

export const defaultSamplesDir = path.resolve(import.meta.dirname, '..', 'samples');
const sampleFolders = ['calls', 'variants'] as const;
const audioExtensions = new Set(['.wav', '.mp3']);

/**
 * Every recording under `samples/calls` and `samples/variants`, sorted by label; with
 * `onlyPrefixes`, those whose file name starts with one of them (`en-06` also picks its variants),
 * which may be none. Throws when a recording has no truth file.
 */
export async function findSampleRecordings(samplesDir: string, onlyPrefixes: readonly string[] = []): Promise<SampleRecording[]> {
  const recordings: SampleRecording[] = [];
  for (const folder of sampleFolders) {
    const names = await readdir(path.join(samplesDir, folder));
    for (const name of names.filter((file) => audioExtensions.has(path.extname(file)))) {
      if (onlyPrefixes.length > 0 && !onlyPrefixes.some((prefix) => name.startsWith(prefix))) continue;
      const truthName = `${path.basename(name, path.extname(name))}.truth.json`;
      if (!names.includes(truthName)) throw new Error(`${folder}/${name} has no ground truth: expected ${folder}/${truthName} beside it`);
      recordings.push({ label: `${folder}/${name}`, audioPath: path.join(samplesDir, folder, name), truthPath: path.join(samplesDir, folder, truthName) });
    }
  }
  return recordings.sort((a, b) => a.label.localeCompare(b.label));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A shallow guard: the truth files are generated and checked against their audio by
 * samples/calls.test.ts, so this only catches a wrong file or a future schema version.
 */
export function isCallTruth(value: unknown): value is CallTruth {
  return (
    isRecord(value) &&
    value.schema === 'callqa.truth/1' &&
    typeof value.language === 'string' &&
    Array.isArray(value.utterances) &&
    Array.isArray(value.events) &&
    isRecord(value.rules) &&
    isRecord(value.statements)
  );
}

export async function loadTruth(truthPath: string): Promise<CallTruth> {
  const parsed: unknown = JSON.parse(await readFile(truthPath, 'utf8'));
  if (!isCallTruth(parsed)) throw new Error(`${truthPath}: not a callqa.truth/1 file (see samples/README.md)`);
  return parsed;
}
