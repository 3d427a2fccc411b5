/**
 * The held-out phrase bank (eval/phrase-bank/<language>/<concept>.json, README there) as
 * eval figures: for every concept, language and half, the concept's detector
 * (pipeline/rules/concepts.ts) runs over each item; `recall` is the share of positives it
 * finds, `precision` the share of its yeses (positives and near misses together) that are
 * positives. Keys: `phrase_bank.<concept>.<tune|test|fresh>.recall|precision`. `fresh/` holds a
 * second held-out set, written after the first tuning round and before the second, for the
 * weakest concepts: its items are all `fresh`, the main folders' never are.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { detectConcept, isConceptId, type ConceptId } from '../pipeline/rules/concepts.ts';
import type { RulePack } from '../pipeline/rules/index.ts';
import { languages, type Language } from '../pipeline/result/call-result.ts';
import { shareOf, type Figures, type Measure } from './measure.ts';

export const defaultPhraseBankDir = path.resolve(import.meta.dirname, 'phrase-bank');
export const bankSplits = ['tune', 'test', 'fresh'] as const;
const freshFolder = 'fresh';
export type BankSplit = (typeof bankSplits)[number];

const BankItem = Type.Object({
  text: Type.String({ minLength: 1 }),
  party: Type.Union([Type.Literal('agent'), Type.Literal('customer')]),
  expect: Type.Union([Type.Literal('positive'), Type.Literal('near-miss')]),
  split: Type.Union(bankSplits.map((split) => Type.Literal(split))),
}, { additionalProperties: false });
export type BankItem = Static<typeof BankItem>;

const BankFile = Type.Object({ concept: Type.String(), language: Type.String(), items: Type.Array(BankItem) }, { additionalProperties: false });

export interface BankConcept {
  concept: ConceptId;
  language: Language;
  items: readonly BankItem[];
}

const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

/** Every bank file under `dir` (and its `fresh/` folder), validated; an error names the file and what is wrong. */
export async function loadPhraseBank(dir = defaultPhraseBankDir): Promise<BankConcept[]> {
  const bank = await loadBankFolder(dir, path.basename(dir), (split) => split !== 'fresh');
  const folders = new Set((await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  if (!folders.has(freshFolder)) return bank;
  for (const fresh of await loadBankFolder(path.join(dir, freshFolder), path.join(path.basename(dir), freshFolder), (split) => split === 'fresh')) {
    const same = bank.find(({ concept, language }) => concept === fresh.concept && language === fresh.language);
    if (same) same.items = [...same.items, ...fresh.items];
    else bank.push(fresh);
  }
  return bank;
}

async function loadBankFolder(dir: string, shownAs: string, splitAllowed: (split: BankSplit) => boolean): Promise<BankConcept[]> {
  const bank: BankConcept[] = [];
  const folders = new Set((await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  const unknown = [...folders].filter((folder) => !isLanguage(folder) && folder !== freshFolder);
  if (unknown.length > 0) throw new Error(`${shownAs}/${unknown[0]}: not a language of callqa (${languages.join(', ')}); rename or remove the folder`);
  for (const language of languages.filter((candidate) => folders.has(candidate))) {
    for (const file of (await readdir(path.join(dir, language))).filter((name) => name.endsWith('.json')).sort()) {
      const where = path.join(shownAs, language, file);
      const parsed: unknown = JSON.parse(await readFile(path.join(dir, language, file), 'utf8'));
      if (!Value.Check(BankFile, parsed)) throw new Error(`${where}: expected { concept, language, items: [{ text, party, expect, split }] }`);
      const concept = parsed.concept;
      if (!isConceptId(concept) || `${concept}.json` !== file) throw new Error(`${where}: "concept" must be a concept of pipeline/rules/concepts.ts named like the file (found "${concept}")`);
      if (parsed.language !== language) throw new Error(`${where}: "language" must be the folder's language (found "${parsed.language}")`);
      const misplaced = parsed.items.find((item) => !splitAllowed(item.split));
      if (misplaced) throw new Error(`${where}: split "${misplaced.split}" does not belong in this folder (fresh items go in ${freshFolder}/, and only they)`);
      bank.push({ concept, language, items: parsed.items });
    }
  }
  return bank;
}

/** An item and whether the detector said yes, for the figures and the miss lists. */
export interface ItemVerdict {
  item: BankItem;
  detected: boolean;
}

export function judgeItems(pack: RulePack, concept: ConceptId, items: readonly BankItem[], textOf: (item: BankItem) => string = (item) => item.text): ItemVerdict[] {
  return items.map((item) => ({ item, detected: detectConcept(pack, concept, item.party, textOf(item)) }));
}

export function recallAndPrecision(verdicts: readonly ItemVerdict[]): { recall: Measure; precision: Measure } {
  const positives = verdicts.filter(({ item }) => item.expect === 'positive');
  const found = positives.filter(({ detected }) => detected).length;
  const yeses = verdicts.filter(({ detected }) => detected).length;
  return {
    recall: shareOf(found, positives.length, 'score', 'no positive items'),
    precision: shareOf(found, yeses, 'score', 'the detector said yes to no item'),
  };
}

/** Phrase-bank figures per language of `packs`, and `overall` pooled over them. */
export function measurePhraseBank(bank: readonly BankConcept[], packs: ReadonlyMap<Language, RulePack>): Record<string, Figures> {
  const groups: Record<string, Figures> = {};
  const pooled = new Map<string, ItemVerdict[]>();
  for (const { concept, language, items } of bank) {
    const pack = packs.get(language);
    if (!pack) continue;
    const figures = (groups[language] ??= {});
    for (const split of bankSplits) {
      const verdicts = judgeItems(pack, concept, items.filter((item) => item.split === split));
      const { recall, precision } = recallAndPrecision(verdicts);
      figures[`phrase_bank.${concept}.${split}.recall`] = recall;
      figures[`phrase_bank.${concept}.${split}.precision`] = precision;
      const key = `${concept}.${split}`;
      pooled.set(key, [...(pooled.get(key) ?? []), ...verdicts]);
    }
  }
  if (Object.keys(groups).length > 0) {
    const overall: Figures = {};
    for (const [key, verdicts] of pooled) {
      const { recall, precision } = recallAndPrecision(verdicts);
      overall[`phrase_bank.${key}.recall`] = recall;
      overall[`phrase_bank.${key}.precision`] = precision;
    }
    groups.overall = overall;
  }
  return groups;
}

const cell = (figures: Figures | undefined, key: string) => {
  const measure = figures?.[key];
  return measure === undefined || measure.value === null ? '–' : measure.value.toFixed(2);
};

/** A Markdown table: one row per concept, recall / precision per language and half. */
export function formatPhraseBankTable(groups: Readonly<Record<string, Figures>>, concepts: readonly ConceptId[]): string {
  const columns = Object.keys(groups).flatMap((group) => bankSplits.map((split) => ({ group, split })));
  const header = `| concept | ${columns.map(({ group, split }) => `${group} ${split} R / P`).join(' | ')} |`;
  const rows = concepts.map((concept) => `| ${concept} | ${columns.map(({ group, split }) =>
    `${cell(groups[group], `phrase_bank.${concept}.${split}.recall`)} / ${cell(groups[group], `phrase_bank.${concept}.${split}.precision`)}`).join(' | ')} |`);
  return [header, `|---|${columns.map(() => '---|').join('')}`, ...rows].join('\n');
}

const pair = (figures: Figures | undefined, key: string) => `${cell(figures, `${key}.recall`)} / ${cell(figures, `${key}.precision`)}`;

/** Markdown: per group (language, overall) one table, a row per concept, each half's recall / precision before → after. */
export function formatPhraseBankComparison(before: Readonly<Record<string, Figures>>, after: Readonly<Record<string, Figures>>, concepts: readonly ConceptId[]): string {
  return Object.keys(after).map((group) => {
    const rows = concepts.map((concept) => `| ${concept} | ${bankSplits.map((split) => {
      const key = `phrase_bank.${concept}.${split}`;
      const [was, now] = [pair(before[group], key), pair(after[group], key)];
      return was === now ? now : `${was} → ${now}`;
    }).join(' | ')} |`);
    return [`#### ${group}`, '', `| concept | ${bankSplits.map((split) => `${split} R / P`).join(' | ')} |`, `|---|${bankSplits.map(() => '---|').join('')}`, ...rows].join('\n');
  }).join('\n\n');
}
