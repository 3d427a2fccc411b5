import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../core/effects.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { judgeCall, loadJudgeConfig, type JudgeConfig } from './judge-call.ts';
import { isSameJudgement, rescoreResult } from './rescore.ts';
import { judgedFields, type OkCallResult } from './result/build-result.ts';
import { languages } from './result/call-result.ts';
import { listGoldenCases, loadGoldenInput, type GoldenInput } from './rules/golden.test-helper.ts';
import { defaultPacksDir } from './rules/index.ts';

// The golden cases as stored results: judged once, as analysis does, then rescored.
let shipped: JudgeConfig;
let temp: TempFolder;

function storedResultOf(input: GoldenInput, config: JudgeConfig): OkCallResult {
  const judgement = judgeCall({
    language: input.language, channel: input.channel ?? 'voice', utterances: input.utterances, audioEvents: input.events,
    audioEventTypesChecked: input.eventTypesChecked, sentimentModelId: input.sentimentModelId ?? null,
  }, config, silentEffects);
  if (!judgement) throw new Error('a golden case has utterances and a pack: it is always judged');
  const sha256 = 'c0'.repeat(32);
  return JSON.parse(JSON.stringify({
    schema: 'callqa.call/1', call_id: sha256.slice(0, 16), source: 'golden.wav', sha256, status: 'ok', channel: input.channel ?? 'voice', container: 'wav', codec: 'pcm_mulaw',
    duration_s: 60, channels: 2, sample_rate: 8000, language: input.language, agent_id: null, channel_levels: [], parties: null,
    silence_s: null, overlap_s: null, transcript_source: 'import:golden.json', utterances: input.utterances,
    audio_event_types_checked: input.eventTypesChecked, ...judgedFields(judgement),
  })) as OkCallResult;
}

beforeAll(async () => {
  shipped = await loadJudgeConfig({ languages, rulePacksDir: null, scorecardPath: null });
  temp = await createTempFolder('callqa-rescore-packs-');
});
afterAll(() => temp.remove());

describe('rescoreResult', () => {
  it('reproduces every golden case exactly with the packs it was judged with', async () => {
    const cases = await listGoldenCases();
    expect(cases.length).toBeGreaterThanOrEqual(24);
    for (const caseName of cases) {
      const stored = storedResultOf(await loadGoldenInput(caseName), shipped);
      const rescored = rescoreResult(stored, shipped, silentEffects);
      expect(JSON.stringify(rescored), caseName).toBe(JSON.stringify(stored));
      expect(isSameJudgement(stored, rescored), caseName).toBe(true);
    }
  });

  it('finds a transcript hold again with the new pack: a changed ask phrase changes consent, and the version', async () => {
    const input = await loadGoldenInput('en-event-types-not-checked');
    const stored = storedResultOf(input, shipped);
    expect(stored.events.filter((event) => event.type === 'hold')).toMatchObject([{ kind: 'silence', consented: true }]);
    expect(stored.rules.find((rule) => rule.id === 'hold-consent')?.status).toBe('pass');

    const packsDir = temp.file('packs');
    cpSync(defaultPacksDir, packsDir, { recursive: true });
    const enFile = path.join(packsDir, 'en.json');
    const pack = JSON.parse(readFileSync(enFile, 'utf8')) as { label?: string; lexicons: Record<string, string[]> };
    // Every ask addressed to 'you' goes, so no partial match is left to make the consent uncertain.
    pack.lexicons['hold-ask'] = pack.lexicons['hold-ask']!.filter((phrase) => !phrase.includes('you'));
    pack.label = 'no hold questions';
    writeFileSync(enFile, JSON.stringify(pack));
    const edited = await loadJudgeConfig({ languages: ['en'], rulePacksDir: packsDir, scorecardPath: null });

    const rescored = rescoreResult(stored, edited, silentEffects);
    expect(rescored.events.filter((event) => event.type === 'hold')).toMatchObject([{ kind: 'silence', consented: false }]);
    expect(rescored.rules.find((rule) => rule.id === 'hold-consent')?.status).toBe('fail');
    expect(rescored.score).toBeLessThan(stored.score ?? 0);
    expect(isSameJudgement(stored, rescored)).toBe(false);
    expect(isSameJudgement(stored, { ...stored, versions: rescored.versions! })).toBe(false);
    expect(rescored.versions?.rule_pack).toEqual({ language: 'en', hash: expect.stringMatching(/^[0-9a-f]{16}$/), label: 'no hold questions' });
    expect(rescored.versions?.rule_pack.hash).not.toBe(stored.versions?.rule_pack.hash);
    expect(rescored.versions?.scorecard).toEqual(stored.versions?.scorecard);
    // Everything the rules stage does not make is the stored result's.
    const judgedKeys = new Set(Object.keys(judgedFields({ rules: [], statements: { agent: { i: 0, you: 0 } }, events: [], eventTypesChecked: [], sentimentSource: '', score: null, versions: rescored.versions! })));
    const unjudged = (result: OkCallResult) => Object.entries(result).filter(([key]) => !judgedKeys.has(key));
    expect(unjudged(rescored)).toEqual(unjudged(stored));
  });

  it('changes the score, not the verdicts, when only the scorecard changes', async () => {
    const stored = storedResultOf(await loadGoldenInput('en-hold-without-consent'), shipped);
    const scorecardFile = temp.file('scorecard.json');
    const scorecard = JSON.parse(readFileSync(new URL('./score/scorecard.json', import.meta.url), 'utf8')) as { criticalCapScore: number };
    scorecard.criticalCapScore = 10;
    writeFileSync(scorecardFile, JSON.stringify(scorecard));
    const rescored = rescoreResult(stored, await loadJudgeConfig({ languages: ['en'], rulePacksDir: null, scorecardPath: scorecardFile }), silentEffects);
    expect(rescored.rules).toEqual(stored.rules);
    expect(stored.score).toBeGreaterThan(10);
    expect(rescored.score).toBe(10);
    expect(rescored.versions?.scorecard).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{16}$/), label: null });
    expect(rescored.versions?.scorecard.hash).not.toBe(stored.versions?.scorecard.hash);
  });

  it('reads a result stored before the audio stage\'s event types were kept as the audio having looked for all but transfers', async () => {
    const stored = storedResultOf(await loadGoldenInput('en-hold-with-consent'), shipped);
    const { audio_event_types_checked: audioTypes, ...legacy } = stored;
    expect(audioTypes).not.toContain('transfer');
    expect(JSON.stringify(rescoreResult(legacy, shipped, silentEffects))).toBe(JSON.stringify(legacy));
  });
});
