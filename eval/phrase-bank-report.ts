/**
 * `npx tsx eval/phrase-bank-report.ts [--misses <tune|test>]`: prints the phrase-bank table
 * (Markdown, for eval/reports/) with the shipped packs; `--misses tune` also lists the tune
 * items each detector gets wrong — the only list to tune lexicons from.
 */
import { parseArgs } from 'node:util';
import { conceptIds } from '../pipeline/rules/concepts.ts';
import { loadRulePack, type RulePack } from '../pipeline/rules/index.ts';
import { languages, type Language } from '../pipeline/result/call-result.ts';
import { bankSplits, formatPhraseBankTable, judgeItems, loadPhraseBank, measurePhraseBank, type BankSplit } from './phrase-bank.ts';

const { values } = parseArgs({ options: { misses: { type: 'string' } } });
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
