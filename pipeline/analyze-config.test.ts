import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../core/effects.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { lockFileName, type ModelLock } from '../models/pull.ts';
import { resolveAnalyzeConfig } from './analyze-config.ts';
import { fixtureModelDir, transducerFixtureDir } from './transcribe/transcribe-fixtures.test-helper.ts';

let temp: TempFolder;
beforeAll(async () => {
  temp = await createTempFolder('callqa-analyze-config-');
  // The random-weight fixtures installed under the ids the registry names for Russian and as the Whisper model.
  await cp(transducerFixtureDir, path.join(temp.folder, 'gigaam-v2-rnnt-ru'), { recursive: true });
  await cp(fixtureModelDir, path.join(temp.folder, 'whisper-small'), { recursive: true });
  const lock: ModelLock = { id: 'whisper-small', variant: 'fp32', revision: null, files: [] };
  await writeFile(path.join(temp.folder, 'whisper-small', lockFileName), JSON.stringify(lock));
});
afterAll(() => temp.remove());

const resolve = (forcedLanguage: string | null) =>
  resolveAnalyzeConfig({ modelsDir: temp.folder, whisperModelId: 'whisper-small', forcedLanguage, settingsRecord: {} }, silentEffects);

describe('resolveAnalyzeConfig: which speech-to-text model a call gets', () => {
  it('gives a call forced to a language the registry\'s model for it, run by that model\'s engine', async () => {
    expect((await resolve('ru')).transcription).toMatchObject({ engine: 'nemo-transducer', modelId: 'gigaam-v2-rnnt-ru', forcedLanguage: 'ru' });
  });

  it('falls back to the Whisper setting where the language is detected, or its model is not installed', async () => {
    expect((await resolve(null)).transcription).toMatchObject({ engine: 'whisper', modelId: 'whisper-small', forcedLanguage: null });
    // Parakeet, the registry's model for Hungarian, is not installed here.
    expect((await resolve('hu')).transcription).toMatchObject({ engine: 'whisper', modelId: 'whisper-small', forcedLanguage: 'hu' });
  });
});
