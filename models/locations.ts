/**
 * Where models live and which are used, by default: installed under `data/models` beside the
 * default database, so one folder holds everything a self-hosted install keeps. The settings
 * (config/) may change each; this file imports nothing, so reading the settings stays cheap.
 */
export const defaultModelsDir = 'data/models';

/** Small is the smallest Whisper good enough for QA transcripts (models-notes.md); base is the fast option. */
export const defaultWhisperModelId = 'whisper-small';

export const defaultSentimentModelId = 'sentiment-multilingual';

/** The Hugging Face Hub; the settings (`hubUrl`, `CALLQA_HUB_URL`) may name a mirror of it, e.g. inside a closed network. */
export const defaultHubUrl = 'https://huggingface.co';
