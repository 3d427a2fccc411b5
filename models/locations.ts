/**
 * Where installed models live by default: `data/models` beside the default database, so one
 * folder holds everything a self-hosted install keeps. The settings (config/) may move it.
 */
export const defaultModelsDir = 'data/models';

/** Small is the smallest Whisper good enough for QA transcripts (models-notes.md); base is the fast option. */
export const defaultWhisperModelId = 'whisper-small';
