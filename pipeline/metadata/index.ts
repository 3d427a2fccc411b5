/**
 * Metadata stage: who handled the call, when it took place, its queue and direction, from
 * every source the site has, each field saying where it came from. Precedence, strongest
 * first: what the request carried (an upload form, a flag), the `<name>.meta.json` sidecar,
 * the file name read by the configured pattern, the container's tags. A CDR import fills what
 * is still missing afterwards (store/cdr).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Effects } from '../../core/effects.ts';
import { CallqaError } from '../../core/errors.ts';
import type { CallDirection, CallMetadata, MetadataSource } from '../result/call-result.ts';
import { readNamePattern, type NameFields, type NamePattern } from './name-pattern.ts';
import { findMetadataSidecar, loadMetadataSidecar } from './sidecar.ts';
import { parseStartedAt } from './started-at.ts';

export { compileNamePattern, type NamePattern } from './name-pattern.ts';
export { parseStartedAt } from './started-at.ts';

/** What the caller already knows about a call before it is analysed. */
export interface KnownMetadata {
  agent_id?: string | null;
  queue?: string | null;
  direction?: string | null;
  customer_ref?: string | null;
  started_at?: string | null;
  custom?: Readonly<Record<string, string>>;
}

export interface MetadataInput {
  source: string;
  /** The container's tags, as ffprobe reads them (WAV LIST/INFO, ID3, Vorbis comments). */
  tags: Readonly<Record<string, string>>;
  known: KnownMetadata;
  namePattern: NamePattern | null;
}

/** The call's facts; `agent_id` travels at the result's top level, its source in `sources`. */
export interface GatheredMetadata {
  agentId: string | null;
  metadata: Required<CallMetadata>;
}

interface FieldSpelling {
  containerTags: Readonly<Record<string, readonly string[]>>;
  directions: Readonly<Record<CallDirection, readonly string[]>>;
}

const spelling = JSON.parse(readFileSync(new URL('./metadata-fields.json', import.meta.url), 'utf8')) as FieldSpelling;
const fields = ['agent_id', 'started_at', 'queue', 'direction', 'customer_ref'] as const;
type Field = (typeof fields)[number];

function directionOf(value: string): CallDirection | null {
  const word = value.trim().toLowerCase();
  const found = Object.entries(spelling.directions).find(([, words]) => words.includes(word));
  return found ? (found[0] as CallDirection) : null;
}

function fromTags(tags: Readonly<Record<string, string>>): NameFields {
  const found: NameFields = { custom: {} };
  for (const field of fields) {
    const value = spelling.containerTags[field]?.map((name) => tags[name]).find((candidate) => candidate && candidate.trim() !== '');
    if (value) found[field] = value.trim();
  }
  return found;
}

function fromKnown(known: KnownMetadata): NameFields {
  const found: NameFields = { custom: { ...known.custom } };
  for (const field of fields) {
    const value = known[field];
    if (value) found[field] = value;
  }
  return found;
}

/** A value a source gave that does not read as its field: strict for the sources a person writes, skipped for tags and names. */
function refuse(source: MetadataSource, where: string, problem: string, effects: Effects): null {
  if (source === 'request') throw new CallqaError('CQA_ERR_CONFIG_INVALID', `${where}: ${problem}`);
  if (source === 'sidecar') throw new CallqaError('CQA_ERR_METADATA_INVALID', `metadata ${where}: ${problem}; fix the file, or remove it to analyse without it`);
  effects.log(`${where}: ${problem}; ignored`);
  return null;
}

function readValue(field: Field, value: string, source: MetadataSource, where: string, effects: Effects): string | null {
  if (field === 'started_at') return parseStartedAt(value) ?? refuse(source, where, `started_at "${value}" is not a date and time (ISO 8601, e.g. 2024-03-04T09:15:00)`, effects);
  if (field === 'direction') return directionOf(value) ?? refuse(source, where, `direction "${value}" is not inbound, outbound or internal`, effects);
  return value;
}

export async function gatherMetadata(input: MetadataInput, effects: Effects): Promise<GatheredMetadata> {
  const fileName = path.basename(input.source);
  const sidecarFile = await findMetadataSidecar(input.source);
  const fromName = input.namePattern ? readNamePattern(input.namePattern, fileName) : null;
  if (input.namePattern && !fromName) effects.log(`${fileName}: does not match the name pattern "${input.namePattern.text}"; no metadata taken from the name`);
  const layers: [MetadataSource, string, NameFields | null][] = [
    ['request', 'the request', fromKnown(input.known)],
    ['sidecar', sidecarFile ? path.basename(sidecarFile) : '', sidecarFile ? await loadMetadataSidecar(sidecarFile) : null],
    ['file-name', fileName, fromName],
    ['tags', `${fileName} tags`, fromTags(input.tags)],
  ];
  const chosen: Partial<Record<Field, string>> = {};
  const custom: Record<string, string> = {};
  const sources: Record<string, MetadataSource> = {};
  for (const [source, where, found] of layers) {
    if (!found) continue;
    for (const field of fields) {
      const given = found[field];
      if (given === undefined || chosen[field] !== undefined) continue;
      const value = readValue(field, given, source, where, effects);
      if (value === null) continue;
      chosen[field] = value;
      sources[field] = source;
    }
    for (const [name, value] of Object.entries(found.custom)) {
      if (name in custom) continue;
      custom[name] = value;
      sources[`custom.${name}`] = source;
    }
  }
  return {
    agentId: chosen.agent_id ?? null,
    metadata: {
      started_at: chosen.started_at ?? null,
      queue: chosen.queue ?? null,
      direction: (chosen.direction as CallDirection | undefined) ?? null,
      customer_ref: chosen.customer_ref ?? null,
      custom,
      sources,
    },
  };
}
