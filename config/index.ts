export { settingsSchema, settingKeys, analysisSettingKeys, type SettingDefinition, type SettingKey, type SettingValue } from './settings-schema.ts';
export { resolveSettings, type Settings, type SettingFlags, type SettingSource, type SettingsFile, type SettingLayers } from './resolve-settings.ts';
export { loadSettings, defaultSettingsFileName, type SettingsRequest } from './load-settings.ts';
export { toAnalyzeConfigSpec, toJudgeConfigSpec, toSettingsRecord } from './analyze-spec.ts';
