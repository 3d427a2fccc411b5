/**
 * Loose in, strict out: merges a validated language file over its base, checks what JSON
 * Schema cannot (kinds, lexicon references, phrase syntax, regular expressions, stemmer) and
 * compiles every phrase once. Pure; `load-pack.ts` does the reading.
 */
import { ruleKinds } from './kinds/index.ts';
import { normalizeWord } from './normalize.ts';
import { packError, schemaProblems, type PackProblem } from './pack-errors.ts';
import type { BasePackSpec, LanguagePackSpec } from './pack-schema.ts';
import { compilePhrase, type WordForms } from './phrase-matcher.ts';
import type { Lexicon, ResolvedRule, RulePack, Severity, SpeechForms, StatementMarkers } from './rule-pack.ts';
import { createSuffixChainTest } from './morphology.ts';
import { numberOfWord } from './spoken-text.ts';
import { createStemmer, isKnownStemmer, knownStemmers } from './stem.ts';
import { contentHash } from '../result/content-version.ts';

export interface PackFile<T> {
  file: string;
  spec: T;
}

type Problems = Map<string, PackProblem[]>;
const report = (problems: Problems, file: string, problem: PackProblem) => problems.set(file, [...(problems.get(file) ?? []), problem]);
const pointerKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Lexicon names a settings object refers to: values of keys ending in "lexicon(s)". */
function lexiconReferences(value: unknown, pointer: string): { name: string; pointer: string }[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPointer = `${pointer}/${pointerKey(key)}`;
    if (!/lexicons?$/i.test(key)) return lexiconReferences(child, childPointer);
    const names = [child].flat(2).filter((name): name is string => typeof name === 'string' && !name.startsWith('@'));
    return names.map((name) => ({ name, pointer: childPointer }));
  });
}

function mergeRules(base: PackFile<BasePackSpec>, language: PackFile<LanguagePackSpec>, problems: Problems): ResolvedRule[] {
  const overrides = language.spec.rules ?? {};
  for (const id of Object.keys(overrides)) {
    if (!(id in base.spec.rules)) {
      report(problems, language.file, { pointer: `/rules/${pointerKey(id)}`, problem: `no rule "${id}" in ${base.file}`, fix: `use one of: ${Object.keys(base.spec.rules).join(', ')}` });
    }
  }
  return Object.entries(base.spec.rules).flatMap(([id, baseRule]): ResolvedRule[] => {
    const override = overrides[id] ?? {};
    const merged: Record<string, unknown> = { ...baseRule, ...override };
    const setBy = Object.fromEntries(Object.keys(merged).map((key) => [key, key in override ? language.file : base.file]));
    const kind = ruleKinds.get(String(merged.kind));
    const pointer = `/rules/${pointerKey(id)}`;
    if (!kind) {
      report(problems, setBy.kind ?? base.file, { pointer: `${pointer}/kind`, problem: `unknown rule kind "${String(merged.kind)}"`, fix: `use one of: ${[...ruleKinds.keys()].join(', ')}` });
      return [];
    }
    for (const problem of schemaProblems(kind.schema, merged, pointer)) {
      const key = problem.pointer.slice(pointer.length + 1).split('/')[0] ?? '';
      report(problems, setBy[key] ?? base.file, problem);
    }
    if (merged.enabled === false) return [];
    return [{ id, kind: kind.name, guide: typeof merged.guide === 'string' ? merged.guide : null, severity: merged.severity as Severity, weight: Number(merged.weight), params: merged, setBy }];
  });
}

function compileList(phrases: readonly string[], pointer: string, file: string, gapWords: number, pack: { stem: (word: string) => string; forms: WordForms }, problems: Problems): Lexicon {
  return phrases.flatMap((phrase, index) => {
    try {
      return [compilePhrase(phrase, pack.stem, gapWords, pack.forms)];
    } catch (error) {
      report(problems, file, { pointer: `${pointer}/${index}`, problem: (error as Error).message, fix: 'rewrite the phrase as described under "Phrase syntax" in pipeline/rules/README.md' });
      return [];
    }
  });
}

function compileMarkers(spec: LanguagePackSpec['statements']['i'], pointer: string, file: string, problems: Problems): StatementMarkers {
  const words = (list: readonly string[]) => new Set(list.map(normalizeWord));
  const compile = (sources: readonly string[], field: string) => sources.flatMap((source, index) => {
    try {
      return [new RegExp(`^(?:${source})$`, 'u')];
    } catch (error) {
      report(problems, file, { pointer: `${pointer}/${field}/${index}`, problem: (error as Error).message, fix: 'write a JavaScript regular expression (Unicode mode) matching one lower-case word' });
      return [];
    }
  });
  return {
    words: words(spec.words), clauseInitialWords: words(spec.clauseInitialWords), patterns: compile(spec.patterns, 'patterns'),
    clauseInitialPatterns: compile(spec.clauseInitialPatterns ?? [], 'clauseInitialPatterns'), objectWords: words(spec.objectWords ?? []), exceptions: words(spec.exceptions),
  };
}

/** Resolves a language file and its base into a frozen RulePack; throws CQA_ERR_CONFIG_INVALID. */
export function resolveRulePack(base: PackFile<BasePackSpec>, language: PackFile<LanguagePackSpec>): RulePack {
  const problems: Problems = new Map();
  const spec = language.spec;
  if (!isKnownStemmer(spec.stemmer)) {
    report(problems, language.file, { pointer: '/stemmer', problem: `unknown stemmer "${spec.stemmer}"`, fix: `use one of: ${knownStemmers().join(', ')}` });
  }
  const rules = mergeRules(base, language, problems);
  const settings = { backchannel: base.spec.backchannel, requests: base.spec.requests, holds: base.spec.holds, transfers: base.spec.transfers };
  const references = [...lexiconReferences(settings, ''), ...rules.flatMap((rule) => lexiconReferences(rule.params, `/rules/${pointerKey(rule.id)}`))];
  for (const { name, pointer } of references) {
    if (!(name in spec.lexicons)) {
      report(problems, language.file, { pointer: `/lexicons/${pointerKey(name)}`, problem: `missing lexicon "${name}" (used by ${base.file} ${pointer.slice(1).replace(/\//g, '.')})`, fix: `add "${name}": ["phrase", …] under "lexicons", or disable the rule that uses it` });
    }
  }
  const gapWords = spec.maxGapWords ?? base.spec.maxGapWords;
  const words = (list: readonly string[] | undefined) => new Set((list ?? []).map(normalizeWord));
  const speech: SpeechForms = Object.freeze({
    fillers: words(spec.speech?.fillers),
    numbers: new Map(Object.entries(spec.speech?.numbers ?? {}).map(([word, digits]) => [normalizeWord(word), digits])),
    questionOpeners: words(spec.speech?.questionOpeners),
    questionLeadIns: words(spec.speech?.questionLeadIns),
    questionTags: words(spec.speech?.questionTags),
  });
  const stemmer = { stem: isKnownStemmer(spec.stemmer) ? createStemmer(spec.stemmer) : createStemmer('none'), forms: {
    numberOf: (word: string) => numberOfWord(word, speech),
    isSuffixChain: createSuffixChainTest((spec.morphology?.suffixes ?? []).map(normalizeWord)),
  } };
  const compileRecord = (record: Record<string, string[]>, section: string) => Object.fromEntries(Object.entries(record)
    .map(([name, phrases]) => [name, compileList(phrases, `/${section}/${pointerKey(name)}`, language.file, gapWords, stemmer, problems)]));
  const lexicons = compileRecord(spec.lexicons, 'lexicons');
  const dataItems = compileRecord(spec.dataItems, 'dataItems');
  const statementsSpec = spec.statements;
  const statements = {
    // Formulas are fixed wordings: matched without gaps.
    formulas: compileList(statementsSpec.formulas, '/statements/formulas', language.file, 0, stemmer, problems),
    requests: compileList(statementsSpec.requests, '/statements/requests', language.file, gapWords, stemmer, problems),
    clauseBreakers: new Set(statementsSpec.clauseBreakers.map(normalizeWord)),
    i: compileMarkers(statementsSpec.i, '/statements/i', language.file, problems),
    you: compileMarkers(statementsSpec.you, '/statements/you', language.file, problems),
  };
  const [file, listed] = [...problems.entries()][0] ?? [];
  if (file && listed) throw packError(file, listed);
  return Object.freeze({
    language: spec.language,
    files: Object.freeze([language.file, base.file]),
    version: Object.freeze({ hash: contentHash([language.spec, base.spec]), label: spec.label ?? base.spec.label ?? null }),
    stemmer: spec.stemmer,
    maxGapWords: gapWords,
    properNounExceptions: new Set(spec.properNounExceptions.map(normalizeWord)),
    speech,
    lexicons: Object.freeze(lexicons),
    dataItems: Object.freeze(dataItems),
    statements: Object.freeze(statements),
    ...settings,
    uncertainty: base.spec.uncertainty ?? null,
    rules: Object.freeze(rules.map((rule) => Object.freeze(rule))),
  });
}
