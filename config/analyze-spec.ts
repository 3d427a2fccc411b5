import type { AnalyzeConfigSpec, SettingsRecord } from '../pipeline/analyze-config.ts';
import type { JudgeConfigSpec } from '../pipeline/judge-call.ts';
import type { Settings } from './resolve-settings.ts';
import { analysisSettingKeys } from './settings-schema.ts';

/** The analysis settings with their sources, as each run records them: the same shape from the CLI and the server. */
export function toSettingsRecord(settings: Settings): SettingsRecord {
  return Object.freeze(Object.fromEntries(analysisSettingKeys.map((key) => [key, settings[key]])));
}

/** Which rule packs and scorecard judge calls, for an analysis and for `callqa rescore` alike. */
export function toJudgeConfigSpec(settings: Settings): JudgeConfigSpec {
  return {
    languages: settings.languages.value, rulePacksDir: settings.rulePacksDir.value, scorecardPath: settings.scorecardPath.value,
    agentSentiment: settings.agentSentiment.value,
  };
}

/** How `callqa analyze` and the server's uploads analyse calls, from the one set of settings. */
export function toAnalyzeConfigSpec(settings: Settings): AnalyzeConfigSpec {
  return {
    languages: settings.languages.value,
    forcedLanguage: settings.forcedLanguage.value,
    namePattern: settings.namePattern.value,
    maxDurationS: settings.maxDurationS.value,
    modelsDir: settings.modelsDir.value,
    whisperModelId: settings.whisperModelId.value,
    sentimentModelId: settings.sentimentModelId.value,
    agentSentiment: settings.agentSentiment.value,
    redaction: settings.redaction.value,
    rulePacksDir: settings.rulePacksDir.value,
    scorecardPath: settings.scorecardPath.value,
    settingsRecord: toSettingsRecord(settings),
  };
}
