/**
 * `<recording>.meta.json` beside a recording: what the exporting system knew about the call.
 * Known keys fill the call's fields; every other scalar key is kept as a custom field.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CallqaError } from '../../core/errors.ts';
import { findSidecar } from '../../core/find-sidecar.ts';
import type { NameFields } from './name-pattern.ts';

export const metadataSidecarSuffix = '.meta.json';

const keyOfField: Readonly<Record<string, 'agent_id' | 'queue' | 'direction' | 'customer_ref' | 'started_at'>> = {
  agent: 'agent_id', agent_id: 'agent_id', queue: 'queue', direction: 'direction',
  customer: 'customer_ref', customer_ref: 'customer_ref', started_at: 'started_at',
};

export function findMetadataSidecar(recordingPath: string): Promise<string | null> {
  return findSidecar(recordingPath, [metadataSidecarSuffix]);
}

function invalid(file: string, problem: string): CallqaError {
  return new CallqaError('CQA_ERR_METADATA_INVALID', `metadata ${path.basename(file)}: ${problem}; fix the file, or remove it to analyse without it`);
}

const scalar = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);

/** Reads a sidecar's fields as text; `started_at` and `direction` are checked later with the other sources. */
export async function loadMetadataSidecar(file: string): Promise<NameFields> {
  const text = await readFile(file, 'utf8').catch((cause: Error) => {
    throw invalid(file, `cannot be read (${cause.message})`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw invalid(file, `not valid JSON (${(cause as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid(file, 'must be a JSON object');
  const fields: NameFields = { custom: {} };
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null) continue;
    if (key === 'custom') {
      if (typeof value !== 'object' || Array.isArray(value)) throw invalid(file, '"custom" must be an object of names and values');
      for (const [name, customValue] of Object.entries(value as Record<string, unknown>)) {
        if (!scalar(customValue)) throw invalid(file, `custom.${name} must be text, a number or true/false`);
        fields.custom[name] = String(customValue);
      }
      continue;
    }
    if (!scalar(value)) throw invalid(file, `"${key}" must be text, a number or true/false`);
    const field = keyOfField[key];
    if (field) fields[field] = String(value);
    else fields.custom[key] = String(value);
  }
  return fields;
}
