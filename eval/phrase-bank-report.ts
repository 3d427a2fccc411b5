/**
 * `npx tsx eval/phrase-bank-report.ts [--misses <tune|test>] [--noise]`: prints the phrase-bank
 * table (Markdown, for eval/reports/) with the shipped packs; `--misses tune` also lists the
 * tune items each detector gets wrong — the only list to tune lexicons from; `--noise` adds
 * the ASR-noise tables (phrase-bank test half, and the sample calls).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { conceptIds } from '../pipeline/rules/concepts.ts';
import { loadRulePack, type RulePack } from '../pipeline/rules/index.ts';
import { languages, type Language } from '../pipeline/result/call-result.ts';
import { defaultSamplesDir } from './load-truth.ts';
import { formatNoiseTable, loadConfusions, measureBankNoise, measureSampleNoise } from './asr-noise.ts';
import { loadSampleTruths } from '../pipeline/rules/sample-agreement.ts';
import { bankSplits, formatPhraseBankTable, judgeItems, loadPhraseBank, measurePhraseBank, type BankSplit } from './phrase-bank.ts';

const { values } = parseArgs({ options: { misses: { type: 'string' }, noise: { type: 'boolean', default: false } } });
const missesOf = values.misses as BankSplit | undefined;
if (missesOf !== undefined && !bankSplits.includes(missesOf)) throw new Error(`--misses takes ${bankSplits.join(' or ')}`);
const packs = new Map<Language, RulePack>(await Promise.all(languages.map(async (language) => [language, await loadRulePack(language)] as const)));
const bank = await loadPhraseBank();
process.stdout.write(`${formatPhraseBankTable(measurePhraseBank(bank, packs), conceptIds)}\n`);
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
  const inputs = { packs, confusions };
  const truths = await loadSampleTruths(path.join(defaultSamplesDir, 'calls'));
  process.stdout.write(`\n### Phrase bank (test half): accuracy by noise level\n\n${formatNoiseTable(measureBankNoise(bank, inputs), 'asr_noise', 'accuracy')}\n`);
  process.stdout.write(`\n### Sample calls: rule agreement by noise level\n\n${formatNoiseTable(measureSampleNoise(truths, inputs), 'asr_noise_rule', 'agreement')}\n`);
}
