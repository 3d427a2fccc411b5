/**
 * ASR-noise evaluation: how the rules read speech-to-text output. A deterministic noiser
 * (seeded per text, seed and level) writes a text as an engine would — lower case, no
 * punctuation, number words and digits swapped (pack `speech.numbers`), and a share of the
 * words deleted or replaced by a similar-sounding word (eval/asr-confusions/<language>.json;
 * a word without a confusion partner is deleted). It runs over the phrase bank's test half
 * (each concept's accuracy on positives and near misses together) and over the sample
 * calls (each rule's agreement with the truth), at each level of `wordErrorLevels`.
 *
 * Keys: `asr_noise.<concept>.<level>.accuracy`, `asr_noise.<concept>.drop_10` (clean minus
 * 10 % accuracy); `asr_noise_rule.<rule>.<level>.agreement`, `asr_noise_rule.<rule>.drop_10`.
 * Level `clean` is the text as written, `format` only case, punctuation and numbers.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RulePack } from '../pipeline/rules/index.ts';
import { measureAgreement, type SampleTruth } from '../pipeline/rules/sample-agreement.ts';
import { languages, type Language } from '../pipeline/result/call-result.ts';
import { shareOf, type Figures, type Measure } from './measure.ts';
import { judgeItems, type BankConcept } from './phrase-bank.ts';

export const wordErrorLevels = [0.05, 0.1, 0.2] as const;
const seeds = [1, 2, 3] as const;
const levelNames = ['clean', 'format', ...wordErrorLevels.map((level) => `wer_${Math.round(level * 100)}`)] as const;
type LevelName = (typeof levelNames)[number];

export interface NoiseSettings {
  /** Share of words deleted or substituted (0–1); null for the text as written. */
  wordErrorRate: number | null;
  seed: number;
  confusions: ReadonlyMap<string, readonly string[]>;
  /** Number word → digits, and digits → number word, of the language's pack. */
  numbers: ReadonlyMap<string, string>;
}

export const confusionsDir = path.resolve(import.meta.dirname, 'asr-confusions');

/** Both directions of each pair of `eval/asr-confusions/<language>.json`. */
export async function loadConfusions(language: Language, dir = confusionsDir): Promise<Map<string, string[]>> {
  const file = path.join(dir, `${language}.json`);
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  const pairs = typeof parsed === 'object' && parsed !== null && 'pairs' in parsed ? parsed.pairs : undefined;
  if (!Array.isArray(pairs) || !pairs.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((word) => typeof word === 'string'))) {
    throw new Error(`${file}: expected { "pairs": [["word", "sounds-alike"], …] }`);
  }
  const confusions = new Map<string, string[]>();
  for (const [a, b] of pairs as [string, string][]) {
    confusions.set(a, [...(confusions.get(a) ?? []), b]);
    confusions.set(b, [...(confusions.get(b) ?? []), a]);
  }
  return confusions;
}

/** Both directions of the pack's number words, the first word kept for each number. */
export function numberSwaps(pack: RulePack): Map<string, string> {
  const swaps = new Map<string, string>();
  for (const [word, digits] of pack.speech.numbers) {
    swaps.set(word, digits);
    if (!swaps.has(digits)) swaps.set(digits, word);
  }
  return swaps;
}

/** mulberry32: a small seeded generator, so every run noises every text the same way. */
function createRandom(seedText: string): () => number {
  let state = 0;
  for (const character of seedText) state = (Math.imul(state, 31) + character.charCodeAt(0)) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** `text` as a speech-to-text engine might have written it; the same inputs give the same output. */
export function noiseText(text: string, settings: NoiseSettings): string {
  if (settings.wordErrorRate === null) return text;
  const random = createRandom(`${settings.seed}|${settings.wordErrorRate}|${text}`);
  const words = (text.toLocaleLowerCase().match(wordPattern) ?? []).map((word) => settings.numbers.get(word) ?? word);
  const noised = words.flatMap((word) => {
    if (random() >= (settings.wordErrorRate ?? 0)) return [word];
    const partners = settings.confusions.get(word);
    // Half the errors are substitutions where a sound-alike exists; the rest, and words without one, deletions.
    if (partners && random() < 0.5) return [partners[Math.floor(random() * partners.length)] ?? word];
    return [];
  });
  return noised.join(' ');
}

const rateOf = (level: LevelName): number | null => (level === 'clean' ? null : level === 'format' ? 0 : Number(level.slice(4)) / 100);

function dropOf(byLevel: ReadonlyMap<LevelName, Measure>): Measure {
  const clean = byLevel.get('clean');
  const noisy = byLevel.get('wer_10');
  if (!clean || !noisy || clean.value === null || noisy.value === null) return { value: null, reason: 'no items', unit: 'share' };
  return { value: clean.value - noisy.value, n: noisy.n, unit: 'share' };
}

export interface NoiseInputs {
  packs: ReadonlyMap<Language, RulePack>;
  confusions: ReadonlyMap<Language, ReadonlyMap<string, readonly string[]>>;
}

/** Phrase-bank accuracy per concept and noise level, test half only, per language. */
export function measureBankNoise(bank: readonly BankConcept[], inputs: NoiseInputs): Record<string, Figures> {
  const groups: Record<string, Figures> = {};
  for (const { concept, language, items } of bank) {
    const pack = inputs.packs.get(language);
    const confusions = inputs.confusions.get(language);
    if (!pack || !confusions) continue;
    const numbers = numberSwaps(pack);
    const testItems = items.filter((item) => item.split === 'test');
    const byLevel = new Map<LevelName, Measure>();
    for (const level of levelNames) {
      const runs = (level === 'clean' ? [seeds[0]] : seeds).flatMap((seed) =>
        judgeItems(pack, concept, testItems, (item) => noiseText(item.text, { wordErrorRate: rateOf(level), seed, confusions, numbers })));
      const right = runs.filter(({ item, detected }) => detected === (item.expect === 'positive')).length;
      byLevel.set(level, shareOf(right, runs.length, 'share', 'no test items'));
    }
    const figures = (groups[language] ??= {});
    for (const [level, measure] of byLevel) figures[`asr_noise.${concept}.${level}.accuracy`] = measure;
    figures[`asr_noise.${concept}.drop_10`] = dropOf(byLevel);
  }
  return groups;
}

/** Each rule's agreement with the sample truths per noise level, per language (acoustic events given). */
export function measureSampleNoise(truths: readonly SampleTruth[], inputs: NoiseInputs): Record<string, Figures> {
  const groups: Record<string, Figures> = {};
  const byRule = new Map<string, Map<LevelName, { agreed: number; total: number }>>();
  for (const level of levelNames) {
    for (const seed of level === 'clean' ? [seeds[0]] : seeds) {
      const noised = truths.map((truth) => {
        const pack = inputs.packs.get(truth.language);
        const confusions = inputs.confusions.get(truth.language);
        if (!pack || !confusions) return truth;
        const settings = { wordErrorRate: rateOf(level), seed, confusions, numbers: numberSwaps(pack) };
        return { ...truth, utterances: truth.utterances.map((utterance) => ({ ...utterance, text: noiseText(utterance.text, settings) })) };
      });
      for (const result of measureAgreement(noised, inputs.packs)) {
        for (const [ruleId, tally] of Object.entries(result.rules)) {
          const key = `${result.language}|${ruleId}`;
          const levels = byRule.get(key) ?? new Map();
          byRule.set(key, levels);
          const sum = levels.get(level) ?? { agreed: 0, total: 0 };
          levels.set(level, { agreed: sum.agreed + tally.agreed, total: sum.total + tally.total });
        }
      }
    }
  }
  for (const [key, levels] of byRule) {
    const [language = '', ruleId = ''] = key.split('|');
    const figures = (groups[language] ??= {});
    const measures = new Map<LevelName, Measure>([...levels].map(([level, { agreed, total }]) => [level, shareOf(agreed, total, 'share', 'no calls')]));
    for (const [level, measure] of measures) figures[`asr_noise_rule.${ruleId}.${level}.agreement`] = measure;
    figures[`asr_noise_rule.${ruleId}.drop_10`] = dropOf(measures);
  }
  return groups;
}

/** A Markdown table: one row per concept or rule, each language's drop at 10 % word errors before → after. */
export function formatDropComparison(before: Readonly<Record<string, Figures>>, after: Readonly<Record<string, Figures>>, family: 'asr_noise' | 'asr_noise_rule'): string {
  const languagesShown = languages.filter((language) => language in after);
  const ids = [...new Set(languagesShown.flatMap((language) => Object.keys(after[language] ?? {})
    .filter((key) => key.startsWith(`${family}.`) && key.endsWith('.drop_10')).map((key) => key.split('.')[1] ?? '')))];
  const drop = (groups: Readonly<Record<string, Figures>>, language: string, id: string) => {
    const measure = groups[language]?.[`${family}.${id}.drop_10`];
    return measure === undefined || measure.value === null ? '–' : measure.value.toFixed(2);
  };
  const rows = ids.map((id) => `| ${id} | ${languagesShown.map((language) => {
    const [was, now] = [drop(before, language, id), drop(after, language, id)];
    return was === now ? now : `${was} → ${now}`;
  }).join(' | ')} |`);
  return [`| ${family === 'asr_noise' ? 'concept' : 'rule'} | ${languagesShown.map((language) => `${language} drop_10`).join(' | ')} |`, `|---|${languagesShown.map(() => '---|').join('')}`, ...rows].join('\n');
}

/** A Markdown table: one row per concept or rule, each language's figure per level, then the drop at 10 %. */
export function formatNoiseTable(groups: Readonly<Record<string, Figures>>, family: 'asr_noise' | 'asr_noise_rule', figure: 'accuracy' | 'agreement'): string {
  const ids = [...new Set(Object.values(groups).flatMap((figures) => Object.keys(figures)
    .filter((key) => key.startsWith(`${family}.`)).map((key) => key.split('.')[1] ?? '')))];
  const languagesShown = languages.filter((language) => language in groups);
  const columns = [...levelNames, 'drop_10'];
  const cell = (language: string, id: string, column: string) => {
    const measure = groups[language]?.[column === 'drop_10' ? `${family}.${id}.drop_10` : `${family}.${id}.${column}.${figure}`];
    return measure === undefined || measure.value === null ? '–' : measure.value.toFixed(2);
  };
  const header = `| ${family === 'asr_noise' ? 'concept' : 'rule'} | ${languagesShown.map((language) => `${language}: ${columns.join(' / ')}`).join(' | ')} |`;
  const rows = ids.map((id) => `| ${id} | ${languagesShown.map((language) => columns.map((column) => cell(language, id, column)).join(' / ')).join(' | ')} |`);
  return [header, `|---|${languagesShown.map(() => '---|').join('')}`, ...rows].join('\n');
}
