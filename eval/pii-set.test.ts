import { describe, expect, it } from 'vitest';
import { loadJudgeConfig } from '../pipeline/judge-call.ts';
import { loadRedactConfig } from '../pipeline/redact-call.ts';
import { languages } from '../pipeline/result/call-result.ts';
import { checkThresholds, loadThresholds } from './check-thresholds.ts';
import { judgePiiCase, loadPiiSet, measurePiiSet, measurePiiSets } from './pii-set.ts';

describe('the PII set', () => {
  it('meets eval/thresholds.json in every language, tune and held-out halves', async () => {
    const thresholds = (await loadThresholds()).filter((threshold) => threshold.figure.startsWith('pii.'));
    expect(thresholds.length).toBe(4);
    const checks = checkThresholds(await measurePiiSets(languages), thresholds);
    expect(checks.filter((check) => check.status === 'pass').length).toBe(languages.length * 7 * 4);
    expect(checks.filter((check) => check.status !== 'pass')).toEqual([]);
  });

  it('has positives of every kind and near misses in both halves of each language', async () => {
    for (const language of languages) {
      const cases = await loadPiiSet(language);
      for (const split of ['tune', 'test'] as const) {
        const half = cases.filter((piiCase) => piiCase.split === split);
        expect(new Set(half.flatMap((piiCase) => piiCase.marked.map((value) => value.kind))).size, `${language} ${split}`).toBe(6);
        expect(half.filter((piiCase) => piiCase.marked.length === 0).length, `${language} ${split}`).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('scores nothing recalled with redaction off, and an over-eager redaction as imprecise', async () => {
    const judging = await loadJudgeConfig({ languages: ['en'], rulePacksDir: null, scorecardPath: null });
    const cases = await loadPiiSet('en');
    const off = measurePiiSet(cases, { ...judging, ...loadRedactConfig('off', judging.rulePacks) });
    expect(off['pii.all.test.recall']?.value).toBe(0);
    const config = { ...judging, ...loadRedactConfig('text', judging.rulePacks) };
    const nearMiss = cases.find((piiCase) => piiCase.marked.length === 0 && piiCase.utterances.some((utterance) => utterance.text.includes('4682')))!;
    const claimed = { ...nearMiss, utterances: nearMiss.utterances.map((utterance) => ({ ...utterance, text: utterance.text.replace('4682 3075 1571 2593', '4666 1760 3137 2159') })) };
    expect(judgePiiCase(claimed, config).found).toEqual([{ kind: 'card', precise: false }]);
  });
});
