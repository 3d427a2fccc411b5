import { describe, expect, it } from 'vitest';
import { checkThresholds, loadThresholds, resolveThresholds } from './check-thresholds.ts';
import { createCall } from './eval-calls.test-helper.ts';
import type { CallTruth } from './load-truth.ts';
import type { Figures } from './measure.ts';
import { measureGroups } from './metrics.ts';
import { loadRulePack } from '../pipeline/rules/index.ts';
import { loadSampleTruths } from '../pipeline/rules/sample-agreement.ts';
import { loadConfusions, measureBankNoise, measureSampleNoise } from './asr-noise.ts';
import { measureConversations } from './conversations.ts';
import { defaultSamplesDir } from './load-truth.ts';
import { loadPhraseBank, measurePhraseBank } from './phrase-bank.ts';
import { measurePiiSets } from './pii-set.ts';

/** The figures run.ts adds for English, computed on a small part of the bank and one sample call. */
async function addedGroups(): Promise<Record<string, Figures>[]> {
  const packs = new Map([['en', await loadRulePack('en')] as const]);
  const inputs = { packs, confusions: new Map([['en', await loadConfusions('en')] as const]) };
  const bank = (await loadPhraseBank()).filter((concept) => concept.language === 'en');
  const [truth] = (await loadSampleTruths(`${defaultSamplesDir}/calls`)).filter((candidate) => candidate.language === 'en');
  return [measurePhraseBank(bank, packs), measureBankNoise(bank, inputs), measureSampleNoise(truth ? [truth] : [], inputs), await measurePiiSets(['en']), await measureConversations([])];
}

const groups: Record<string, Figures> = {
  en: {
    'hold.f1': { value: 0.96, n: 10, unit: 'score' },
    'hold.start_error_s': { value: 1.3, n: 5, unit: 'seconds' },
    'rule.greeting.agreement': { value: 0.9, n: 10, unit: 'share' },
    'rule.please.agreement': { value: null, reason: 'rule absent from every result', unit: 'share' },
  },
  ru: { 'hold.f1': { value: 0.5, n: 4, unit: 'score' } },
};

describe('checkThresholds', () => {
  it('passes, fails, and lists not-available figures without failing them', () => {
    const checks = checkThresholds(groups, [
      { figure: 'hold.f1', bound: 'min', limit: 0.95 },
      { figure: 'hold.start_error_s', bound: 'max', limit: 1 },
      { figure: 'rule.*.agreement', bound: 'min', limit: 0.9 },
    ]);
    expect(checks.map(({ group, figure, status }) => `${group} ${figure} ${status}`)).toEqual([
      'en hold.f1 pass',
      'ru hold.f1 fail',
      'en hold.start_error_s fail',
      'en rule.greeting.agreement pass',
      'en rule.please.agreement not available',
    ]);
    expect(checks[4]).toMatchObject({ value: null, reason: 'rule absent from every result' });
  });

  it('tolerates binary rounding at the limit', () => {
    const atLimit = { en: { 'x.error_s': { value: 0.1 + 0.2, n: 1, unit: 'seconds' as const } } };
    expect(checkThresholds(atLimit, [{ figure: 'x.error_s', bound: 'max', limit: 0.3 }])[0]?.status).toBe('pass');
  });

  it('applies a threshold with groups to those groups only', () => {
    const checks = checkThresholds(groups, [{ figure: 'hold.f1', bound: 'min', limit: 0.95, groups: ['ru'] }]);
    expect(checks.map(({ group, status }) => `${group} ${status}`)).toEqual(['ru fail']);
  });

  it('rejects a threshold that names no figure', () => {
    expect(() => checkThresholds(groups, [{ figure: 'hold.f2', bound: 'min', limit: 1 }])).toThrow('"hold.f2" names no figure');
  });
});

describe('resolveThresholds', () => {
  it('reads min and max entries', () => {
    expect(resolveThresholds({ thresholds: [{ figure: 'a', min: 0.9 }, { figure: 'b', max: 1 }] }, 't.json')).toEqual([
      { figure: 'a', bound: 'min', limit: 0.9 },
      { figure: 'b', bound: 'max', limit: 1 },
    ]);
    expect(resolveThresholds({ thresholds: [{ figure: 'a', min: 0.9, groups: ['clean'] }] }, 't.json')).toEqual([
      { figure: 'a', bound: 'min', limit: 0.9, groups: ['clean'] },
    ]);
  });

  it('names the file and the entry of a bad threshold', () => {
    expect(() => resolveThresholds({ thresholds: [{ figure: 'a', min: 0.9, max: 1 }] }, 't.json')).toThrow('t.json: thresholds[0] (a): expected exactly one');
    expect(() => resolveThresholds({ thresholds: [{ min: 1 }] }, 't.json')).toThrow('t.json: thresholds[0]: expected');
    expect(() => resolveThresholds([], 't.json')).toThrow('"thresholds" array');
    expect(() => resolveThresholds({ thresholds: [{ figure: 'a', min: 1, groups: [] }] }, 't.json')).toThrow('t.json: thresholds[0] (a): "groups" must be');
  });

  it('keeps eval/thresholds.json valid and naming real figures', async () => {
    const thresholds = await loadThresholds();
    const sampleGroups = measureGroups([createCall({ rules: { greeting: 'pass' } as CallTruth['rules'] }, {})]);
    const added = await addedGroups();
    const groupNames = new Set([...Object.keys(sampleGroups), ...added.flatMap((extra) => Object.keys(extra))]);
    const merged = Object.fromEntries([...groupNames].map((group) => [group, Object.assign({ ...sampleGroups[group] }, ...added.map((extra) => extra[group] ?? {}))]));
    const checks = checkThresholds(merged, thresholds);
    expect(checks.length).toBeGreaterThan(thresholds.length);
  });

  it('reads an advisory reason, and reports a miss of an advisory target as below target, not failed', () => {
    const [advisory] = resolveThresholds({ thresholds: [{ figure: 'hold.f1', min: 0.99, advisory: 'a goal' }] }, 't.json');
    expect(advisory).toEqual({ figure: 'hold.f1', bound: 'min', limit: 0.99, advisory: 'a goal' });
    expect(checkThresholds(groups, advisory ? [advisory] : []).map((check) => check.status)).toEqual(['below target', 'below target']);
    expect(() => resolveThresholds({ thresholds: [{ figure: 'a', min: 1, advisory: true }] }, 't.json')).toThrow('"advisory" must be a string');
  });
});
