/**
 * Where installed models live: `CALLQA_MODELS_DIR`, else `data/models` beside the default
 * database, so one folder holds everything a self-hosted install keeps.
 */
export function defaultModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CALLQA_MODELS_DIR ?? 'data/models';
}

/** Small is the smallest Whisper good enough for QA transcripts (models-notes.md); base is the fast option. */
export const defaultWhisperModelId = 'whisper-small';
