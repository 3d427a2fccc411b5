import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { CallqaError } from '../../core/errors.ts';
import { evaluateRules } from './index.ts';
import { defaultPacksDir, loadRulePack } from './load-pack.ts';

type Json = Record<string, unknown>;
const shipped = async (name: string): Promise<Json> => JSON.parse(await readFile(join(defaultPacksDir, name), 'utf8')) as Json;
const scratchDirs: string[] = [];

/** Writes base.json and en.json into a scratch folder, each after `edit`; returns the folder. */
async function writePacks(edit: { base?: (pack: Json) => void; en?: (pack: Json) => void; enText?: string }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'callqa-packs-'));
  scratchDirs.push(dir);
  const base = await shipped('base.json');
  const en = await shipped('en.json');
  edit.base?.(base);
  edit.en?.(en);
  await writeFile(join(dir, 'base.json'), JSON.stringify(base));
  await writeFile(join(dir, 'en.json'), edit.enText ?? JSON.stringify(en));
  return dir;
}

async function loadError(dir: string): Promise<CallqaError> {
  const error: unknown = await loadRulePack('en', dir).then(() => null, (thrown: unknown) => thrown);
  if (!(error instanceof CallqaError)) throw new Error(`expected a CallqaError, got ${String(error)}`);
  expect(error.code).toBe('CQA_ERR_CONFIG_INVALID');
  expect(error.exitCode).toBe(2);
  return error;
}

const rulesOf = (pack: Json) => pack.rules as Record<string, Json>;
const lexiconsOf = (pack: Json) => pack.lexicons as Record<string, string[]>;

afterEach(async () => {
  await Promise.all(scratchDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('loadRulePack', () => {
  it.each(['en', 'ru', 'hu'])('loads the shipped %s pack with all 20 rules, frozen', async (language) => {
    const pack = await loadRulePack(language);
    expect(pack.language).toBe(language);
    expect(pack.rules).toHaveLength(20);
    expect(Object.isFrozen(pack)).toBe(true);
    expect(pack.rules.find((rule) => rule.id === 'hold-consent')?.severity).toBe('critical');
  });

  it('names the file, the JSON path and the fix for a wrongly typed value', async () => {
    const error = await loadError(await writePacks({ base: (base) => { (rulesOf(base).greeting as Json).weight = 'two'; } }));
    expect(error.message).toMatch(/base\.json: rules\.greeting\.weight: expected number \(found "two"\)\. Fix: it should be the rule's share of the call score/);
  });

  it('lists the allowed values for an unknown enumeration value', async () => {
    const error = await loadError(await writePacks({ base: (base) => { (rulesOf(base).greeting as Json).turns = 'middle'; } }));
    expect(error.message).toMatch(/rules\.greeting\.turns: .*Fix: use one of: "first", "last"/);
  });

  it('rejects an unknown rule kind and a misspelt key', async () => {
    const kind = await loadError(await writePacks({ base: (base) => { (rulesOf(base).please as Json).kind = 'phrase-present'; } }));
    expect(kind.message).toMatch(/rules\.please\.kind: unknown rule kind "phrase-present"\. Fix: use one of: phrases-in-turns,/);
    const key = await loadError(await writePacks({ base: (base) => { (rulesOf(base)['one-word-answers'] as Json).maxWord = 2; } }));
    expect(key.message).toMatch(/rules\.one-word-answers\.maxWord: unexpected property .*Fix: remove it or correct its spelling; allowed here: .*maxWords/);
  });

  it('names a lexicon the language file lacks and who uses it', async () => {
    const error = await loadError(await writePacks({ en: (en) => { delete lexiconsOf(en)['hold-ask']; } }));
    expect(error.message).toMatch(/en\.json: lexicons\.hold-ask: missing lexicon "hold-ask" \(used by .*holds\.askLexicon\)\. Fix: add "hold-ask"/);
  });

  it('points at a phrase that is not valid phrase syntax', async () => {
    const error = await loadError(await writePacks({ en: (en) => { lexiconsOf(en)['hold-ask'] = ['put you on hold', 'hold, please'] ; } }));
    expect(error.message).toMatch(/en\.json: lexicons\.hold-ask\[1\]: "hold," is not a word.*Fix: rewrite the phrase/);
  });

  it('rejects an unknown stemmer, a broken pattern, an override of a missing rule', async () => {
    const stemmer = await loadError(await writePacks({ en: (en) => { en.stemmer = 'klingon'; } }));
    expect(stemmer.message).toMatch(/en\.json: stemmer: unknown stemmer "klingon"\. Fix: use one of: none, .*english/);
    const pattern = await loadError(await writePacks({ en: (en) => { ((en.statements as Json).i as Json).patterns = ['(unclosed']; } }));
    expect(pattern.message).toMatch(/en\.json: statements\.i\.patterns\[0\]: .*Fix: write a JavaScript regular expression/);
    const override = await loadError(await writePacks({ en: (en) => { en.rules = { greetings: { weight: 1 } }; } }));
    expect(override.message).toMatch(/en\.json: rules\.greetings: no rule "greetings" in .*base\.json\. Fix: use one of: greeting,/);
  });

  it('reports a missing file and broken JSON with the next step', async () => {
    const missing = await loadError(await writePacks({}).then((dir) => join(dir, 'nowhere')));
    expect(missing.message).toMatch(/en\.json: the file does not exist\. Fix: add a pack for "en"/);
    const broken = await loadError(await writePacks({ enText: '{ "language": "en", ' }));
    expect(broken.message).toMatch(/en\.json: not valid JSON/);
  });

  it('applies per-language overrides and remembers which file set each value', async () => {
    const pack = await loadRulePack('en', await writePacks({ en: (en) => { en.rules = { 'one-word-answers': { maxWords: 1 }, 'you-not-i': { enabled: false } }; } }));
    const rule = pack.rules.find((candidate) => candidate.id === 'one-word-answers');
    expect(rule?.params.maxWords).toBe(1);
    expect(rule?.setBy.maxWords).toMatch(/en\.json$/);
    expect(rule?.setBy.severity).toMatch(/base\.json$/);
    expect(pack.rules.some((candidate) => candidate.id === 'you-not-i')).toBe(false);
  });

  it('refuses to run a pack on a call in another language', async () => {
    const pack = await loadRulePack('ru');
    expect(() => evaluateRules({ language: 'en', utterances: [], events: [], eventTypesChecked: [] }, pack, silentEffects))
      .toThrow(/is for "ru" but the call is in "en"/);
  });
});
