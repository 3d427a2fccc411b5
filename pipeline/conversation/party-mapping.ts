/**
 * Who wrote a message: a site's own names in `<name>.parties.json` beside the file
 * (`{"Anna K.": "agent", "support@northwind.example": "agent"}`), else the role labels every
 * transcript import knows (`speaker-mapping.json`: agent, operator, клиент, ügyfél…).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findPartyOfSpeaker, loadDefaultSpeakerMapping } from '../transcribe/import/index.ts';
import { conversationError } from './conversation-error.ts';
import type { SpeakingParty } from './types.ts';

export interface PartyMapping {
  /** The party of an author's name or address, or null when nothing names it. */
  find(author: string): SpeakingParty | null;
  /** The sidecar's file name, for a fix hint; null when there is none. */
  sidecarName: string;
}

const normalise = (author: string) => author.trim().toLocaleLowerCase().normalize('NFC');

/** `call.csv` → `call.parties.json`. */
export function partiesSidecarOf(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}.parties.json`);
}

function readSidecar(content: string, fileName: string): Map<string, SpeakingParty> {
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (cause) {
    throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, 'JSON', (cause as Error).message, 'fix the file or remove it');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, 'top level', 'must be an object of author → "agent" | "customer"', 'fix the file or remove it');
  }
  return new Map(Object.entries(document).map(([author, party]) => {
    if (party !== 'agent' && party !== 'customer') {
      throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, JSON.stringify(author), `must be "agent" or "customer", got ${JSON.stringify(party)}`, 'fix the file or remove it');
    }
    return [normalise(author), party] as const;
  }));
}

/** The mapping for one conversation file: its sidecar's names first, then the shared role labels. */
export async function loadPartyMapping(file: string): Promise<PartyMapping> {
  const sidecar = partiesSidecarOf(file);
  const content = await readFile(sidecar, 'utf8').catch(() => null);
  const named = content === null ? new Map<string, SpeakingParty>() : readSidecar(content, path.basename(sidecar));
  const labels = loadDefaultSpeakerMapping();
  return {
    find: (author) => named.get(normalise(author)) ?? findPartyOfSpeaker(labels, author),
    sidecarName: path.basename(sidecar),
  };
}
