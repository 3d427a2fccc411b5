/**
 * Reads a rule pack from disk: `packs/<language>.json` and the base file it extends, each
 * validated against its schema before `resolveRulePack` merges and compiles them. Every
 * failure is a CQA_ERR_CONFIG_INVALID naming the file, the JSON path and the fix.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CallqaError } from '../../core/errors.ts';
import { packError, schemaProblems } from './pack-errors.ts';
import { BasePackSpec, LanguagePackSpec } from './pack-schema.ts';
import { resolveRulePack, type PackFile } from './resolve-pack.ts';
import type { RulePack } from './rule-pack.ts';

/** The packs shipped with callqa. */
export const defaultPacksDir = fileURLToPath(new URL('./packs/', import.meta.url));

/** A path as people will recognise it: relative to the working directory when inside it. */
function displayPath(file: string): string {
  const shown = relative(process.cwd(), file);
  return shown.startsWith('..') || isAbsolute(shown) ? file : shown;
}

async function readPackFile<S extends TSchema>(file: string, schema: S, missingFix: string): Promise<PackFile<Static<S>>> {
  const shown = displayPath(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message;
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `invalid rule pack: ${shown}: ${reason}. Fix: ${missingFix}.`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `invalid rule pack: ${shown}: not valid JSON (${(error as Error).message}). Fix: correct the JSON syntax at that position.`, { cause: error });
  }
  if (!Value.Check(schema, value)) throw packError(shown, schemaProblems(schema, value));
  return { file: shown, spec: value };
}

/**
 * Loads the rule pack for `language` from `packsDir` (default: the shipped packs): the
 * language file, then the base it extends; returns the resolved, frozen pack.
 * Throws CallqaError CQA_ERR_CONFIG_INVALID when a file is missing or invalid.
 */
export async function loadRulePack(language: string, packsDir: string = defaultPacksDir): Promise<RulePack> {
  const languageFile = join(packsDir, `${language}.json`);
  const languagePack = await readPackFile(languageFile, LanguagePackSpec,
    `add a pack for "${language}" (copy en.json, set "language" and "stemmer", translate the lexicons) or analyse the call as another language`);
  const baseFile = resolve(dirname(languageFile), languagePack.spec.extends);
  const basePack = await readPackFile(baseFile, BasePackSpec, `correct "extends" in ${languagePack.file}`);
  return resolveRulePack(basePack, languagePack);
}
