import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { conceptIds } from '../pipeline/rules/concepts.ts';
import { loadRulePack } from '../pipeline/rules/index.ts';
import { languages } from '../pipeline/result/call-result.ts';
import { bankSplits, formatPhraseBankComparison, loadPhraseBank, measurePhraseBank, recallAndPrecision, type BankItem } from './phrase-bank.ts';

let temp: TempFolder | undefined;
afterEach(async () => temp?.remove());
async function withTempDir(use: (dir: string) => Promise<void>): Promise<void> {
  temp = await createTempFolder();
  await use(temp.folder);
}

const item = (expect: BankItem['expect'], text = 'x'): BankItem => ({ text, party: 'agent', expect, split: 'test' });

describe('the phrase bank', () => {
  it('has every concept in every language, ≥30 positives and ≥15 near misses, halves within one item', async () => {
    const bank = await loadPhraseBank();
    expect(bank.map(({ language, concept }) => `${language}/${concept}`).sort()).toEqual(
      languages.flatMap((language) => conceptIds.map((concept) => `${language}/${concept}`)).sort());
    for (const { language, concept, items } of bank) {
      for (const expected of ['positive', 'near-miss'] as const) {
        const ofKind = items.filter((candidate) => candidate.expect === expected && candidate.split !== 'fresh');
        expect(ofKind.length, `${language}/${concept} ${expected}`).toBeGreaterThanOrEqual(expected === 'positive' ? 30 : 15);
        const tune = ofKind.filter((candidate) => candidate.split === 'tune').length;
        expect(Math.abs(2 * tune - ofKind.length), `${language}/${concept} ${expected} halves`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('rejects a file whose concept is unknown or differs from its name, naming the file', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'en'));
      await writeFile(path.join(dir, 'en', 'greeting.json'), JSON.stringify({ concept: 'greetings', language: 'en', items: [] }));
      await expect(loadPhraseBank(dir)).rejects.toThrow(/en\/greeting\.json: "concept" must be a concept .* \(found "greetings"\)/);
    });
  });

  it('adds the fresh folder to the same concepts, and keeps fresh items out of the halves', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'fresh', 'en'), { recursive: true });
      await mkdir(path.join(dir, 'en'));
      const file = (split: BankItem['split']) => JSON.stringify({ concept: 'greeting', language: 'en', items: [{ ...item('positive', 'Hello!'), split }] });
      await writeFile(path.join(dir, 'en', 'greeting.json'), file('tune'));
      await writeFile(path.join(dir, 'fresh', 'en', 'greeting.json'), file('fresh'));
      const bank = await loadPhraseBank(dir);
      expect(bank.map(({ concept, items }) => [concept, items.map(({ split }) => split)])).toEqual([['greeting', ['tune', 'fresh']]]);
      await writeFile(path.join(dir, 'en', 'greeting.json'), file('fresh'));
      await expect(loadPhraseBank(dir)).rejects.toThrow(/en\/greeting\.json: split "fresh" does not belong in this folder/);
    });
  });
});

describe('recall and precision', () => {
  it('counts found positives over positives, and positives over every yes', () => {
    const verdicts = [
      { item: item('positive'), detected: true },
      { item: item('positive'), detected: false },
      { item: item('near-miss'), detected: true },
      { item: item('near-miss'), detected: false },
      { item: item('positive'), detected: true },
    ];
    const { recall, precision } = recallAndPrecision(verdicts);
    expect(recall).toEqual({ value: 2 / 3, n: 3, unit: 'score' });
    expect(precision).toEqual({ value: 2 / 3, n: 3, unit: 'score' });
    expect(recallAndPrecision([{ item: item('near-miss'), detected: false }]).precision.value).toBeNull();
  });

  it('measures the shipped packs per language and half, and pools them overall', async () => {
    await withTempDir(async (dir) => {
      await mkdir(path.join(dir, 'en'));
      const items: BankItem[] = [
        { text: 'May I put you on hold for a moment?', party: 'agent', expect: 'positive', split: 'tune' },
        { text: 'The order is on hold until payment clears.', party: 'agent', expect: 'near-miss', split: 'tune' },
        { text: 'Can I place you on a short hold?', party: 'agent', expect: 'positive', split: 'test' },
        { text: 'Can I place you on a short hold?', party: 'customer', expect: 'near-miss', split: 'test' },
      ];
      await writeFile(path.join(dir, 'en', 'hold-ask.json'), JSON.stringify({ concept: 'hold-ask', language: 'en', items }));
      const groups = measurePhraseBank(await loadPhraseBank(dir), new Map([['en', await loadRulePack('en')]]));
      expect(Object.keys(groups)).toEqual(['en', 'overall']);
      for (const split of bankSplits.filter((candidate) => candidate !== 'fresh')) {
        expect(groups.en?.[`phrase_bank.hold-ask.${split}.recall`]).toEqual({ value: 1, n: 1, unit: 'score' });
        // The customer saying the agent's words is no hold request: precision stays 1.
        expect(groups.en?.[`phrase_bank.hold-ask.${split}.precision`]).toEqual({ value: 1, n: 1, unit: 'score' });
      }
      expect(groups.overall?.['phrase_bank.hold-ask.test.recall']).toEqual({ value: 1, n: 1, unit: 'score' });
      expect(groups.en?.['phrase_bank.hold-ask.fresh.recall']?.value).toBeNull();
    });
  });
});

describe('before → after', () => {
  it('shows a changed figure as before → after and an unchanged one once', () => {
    const score = (value: number) => ({ value, n: 10, unit: 'score' as const });
    const before = { en: { 'phrase_bank.greeting.test.recall': score(0.8), 'phrase_bank.greeting.test.precision': score(1) } };
    const after = { en: { 'phrase_bank.greeting.test.recall': score(0.9), 'phrase_bank.greeting.test.precision': score(1), 'phrase_bank.greeting.tune.recall': score(1) } };
    const table = formatPhraseBankComparison(before, after, ['greeting']);
    expect(table).toContain('#### en');
    expect(table).toContain('| greeting | – / – → 1.00 / – | 0.80 / 1.00 → 0.90 / 1.00 | – / – |');
  });
});
