import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../core/effects.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { toAnalyzeConfigSpec } from './analyze-spec.ts';
import { resolveSettings } from './resolve-settings.ts';
import { analysisSettingKeys } from './settings-schema.ts';

describe('toAnalyzeConfigSpec', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder('callqa-analyze-spec-');
  });
  afterAll(() => temp.remove());

  it('analyses with the resolved settings and carries the analysis settings with their sources, frozen', async () => {
    const settings = resolveSettings({
      flags: { modelsDir: temp.file('no-models') },
      env: { CALLQA_AGENT_CHANNEL: '1', CALLQA_PORT: '9000' },
      file: { path: '/etc/callqa.config.json', values: { languages: ['ru'], forcedLanguage: 'ru' } },
    });
    const config = await resolveAnalyzeConfig(toAnalyzeConfigSpec(settings), silentEffects);
    expect(config.languages).toEqual(['ru']);
    expect(config.forcedLanguage).toBe('ru');
    expect([...config.rulePacks.keys()]).toEqual(['ru']);
    expect(Object.keys(config.settingsRecord)).toEqual(analysisSettingKeys);
    expect(config.settingsRecord).toMatchObject({
      agentChannel: { value: 1, source: 'env CALLQA_AGENT_CHANNEL' },
      languages: { value: ['ru'], source: 'file /etc/callqa.config.json' },
      modelsDir: { value: temp.file('no-models'), source: 'flag --models-dir' },
      whisperModelId: { value: 'whisper-small', source: 'default' },
    });
    expect(Object.isFrozen(config.settingsRecord)).toBe(true);
    expect(Object.isFrozen(config.settingsRecord.agentChannel)).toBe(true);
  });
});
