/**
 * `npx tsx eval/phrase-bank-report.ts [--misses <tune|test|fresh>] [--noise] [--before <packs dir>]`:
 * prints the phrase-bank table (Markdown, for eval/reports/) with the shipped packs;
 * `--misses tune` also lists the tune items each detector gets wrong — the only list to tune
 * lexicons from; `--noise` adds the ASR-noise tables (phrase-bank test half, and the sample
 * calls); `--before <dir>` measures the packs in `dir` too (e.g. an older commit's
 * `pipeline/rules/packs`) and prints every figure as before → after.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { conceptIds } from '../pipeline/rules/concepts.ts';
import { defaultPacksDir, loadRulePack, type RulePack } from '../pipeline/rules/index.ts';
import { languages, type Language } from '../pipeline/result/call-result.ts';
import { defaultSamplesDir } from './load-truth.ts';
import { formatDropComparison, formatNoiseTable, loadConfusions, measureBankNoise, measureSampleNoise } from './asr-noise.ts';
import { loadSampleTruths } from '../pipeline/rules/sample-agreement.ts';
import { bankSplits, formatPhraseBankComparison, formatPhraseBankTable, judgeItems, loadPhraseBank, measurePhraseBank, type BankSplit } from './phrase-bank.ts';

const { values } = parseArgs({ options: { misses: { type: 'string' }, noise: { type: 'boolean', default: false }, before: { type: 'string' } } });
const missesOf = values.misses as BankSplit | undefined;
if (missesOf !== undefined && !bankSplits.includes(missesOf)) throw new Error(`--misses takes ${bankSplits.join(', ')}`);
const loadPacks = async (dir: string) => new Map<Language, RulePack>(await Promise.all(languages.map(async (language) => [language, await loadRulePack(language, dir)] as const)));
const packs = await loadPacks(defaultPacksDir);
const beforePacks = values.before === undefined ? null : await loadPacks(path.resolve(values.before));
const bank = await loadPhraseBank();
const figures = measurePhraseBank(bank, packs);
process.stdout.write(`${beforePacks ? formatPhraseBankComparison(measurePhraseBank(bank, beforePacks), figures, conceptIds) : formatPhraseBankTable(figures, conceptIds)}\n`);
if (missesOf !== undefined) {
  for (const { concept, language, items } of bank) {
    const pack = packs.get(language);
    if (!pack) continue;
    const wrong = judgeItems(pack, concept, items.filter((item) => item.split === missesOf))
      .filter(({ item, detected }) => detected !== (item.expect === 'positive'));
    for (const { item } of wrong) process.stdout.write(`${language} ${concept} ${item.expect === 'positive' ? 'MISSED' : 'FALSE'} ${item.party}: ${item.text}\n`);
  }
}
if (values.noise) {
  const confusions = new Map(await Promise.all(languages.map(async (language) => [language, await loadConfusions(language)] as const)));
  const truths = await loadSampleTruths(path.join(defaultSamplesDir, 'calls'));
  const bankNoise = measureBankNoise(bank, { packs, confusions });
  const sampleNoise = measureSampleNoise(truths, { packs, confusions });
  if (beforePacks) {
    const inputs = { packs: beforePacks, confusions };
    process.stdout.write(`\n### Phrase bank (test half): drop at 10 % word errors\n\n${formatDropComparison(measureBankNoise(bank, inputs), bankNoise, 'asr_noise')}\n`);
    process.stdout.write(`\n### Sample calls: drop at 10 % word errors\n\n${formatDropComparison(measureSampleNoise(truths, inputs), sampleNoise, 'asr_noise_rule')}\n`);
  }
  process.stdout.write(`\n### Phrase bank (test half): accuracy by noise level\n\n${formatNoiseTable(bankNoise, 'asr_noise', 'accuracy')}\n`);
  process.stdout.write(`\n### Sample calls: rule agreement by noise level\n\n${formatNoiseTable(sampleNoise, 'asr_noise_rule', 'agreement')}\n`);
}
