/**
 * The files a Whisper export must hold for transformers.js 4.3.1 to load it offline, and a
 * check that names what is missing, so analysis can skip transcription with one clear notice.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { WhisperDtype, WhisperSessionFile } from '../transcribe-config.ts';

/** File-name suffix transformers.js adds per weight format. */
const dtypeSuffix: Record<WhisperDtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', q4: '_q4' };

/** generation_config.json is required too: language forcing and word timestamps read it. */
const configFiles = ['config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'];

/** Paths, relative to the model directory, that the given weight formats need. */
export function listWhisperFiles(dtype: Readonly<Record<WhisperSessionFile, WhisperDtype>>): string[] {
  const sessions = Object.entries(dtype).map(([file, format]) => `onnx/${file}${dtypeSuffix[format]}.onnx`);
  return [...configFiles, ...sessions.sort()];
}

export interface WhisperModelDirCheck {
  modelDir: string;
  complete: boolean;
  /** Relative paths that do not exist, in listing order. */
  missing: string[];
}

/** Reports whether `modelDir` holds every file the given weight formats need, and which are missing. */
export async function inspectWhisperModelDir(modelDir: string, dtype: Readonly<Record<WhisperSessionFile, WhisperDtype>>): Promise<WhisperModelDirCheck> {
  const expected = listWhisperFiles(dtype);
  const present = await Promise.all(expected.map((file) => access(path.join(modelDir, file)).then(() => true, () => false)));
  const missing = expected.filter((_, index) => !present[index]);
  return { modelDir, complete: missing.length === 0, missing };
}
