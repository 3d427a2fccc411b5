/**
 * Loads and validates sample-call scripts and the agent roster. Every problem is reported
 * with the file and the field path (`SampleScriptError`), before any audio is made.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  type Site, SampleScriptError, fieldSite, readArray, readBoolean, readEnum, readNumber, readObject,
  readOptional, readString,
} from './fields.ts';
import { checkTurnOrder, readTurn } from './turns.ts';
import { type AgentProfile, type CallScript, type Language, type VoiceProfile, languages } from './script-types.ts';

const voicePatterns: Record<Language, RegExp> = {
  en: /^en-(us|gb)(\+[a-z0-9]+)?$/,
  ru: /^ru(\+[a-z0-9]+)?$/,
  hu: /^hu(\+[a-z0-9]+)?$/,
};

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new SampleScriptError({ file, path: '' }, `not valid JSON (${(error as Error).message})`);
  }
}

function readVoice(value: unknown, site: Site, language: Language, extraKeys: readonly string[] = []): VoiceProfile {
  const record = readObject(value, site, ['voice', 'speed_wpm', 'pitch', ...extraKeys]);
  return {
    voice: readString(record.voice, fieldSite(site, 'voice'), voicePatterns[language]),
    speedWpm: readNumber(record.speed_wpm, fieldSite(site, 'speed_wpm'), 120, 240),
    pitch: readNumber(record.pitch, fieldSite(site, 'pitch'), 0, 99),
  };
}

/** Reads `samples/agents.json`: agent id → name, language and voice. */
export async function loadAgents(file: string): Promise<ReadonlyMap<string, AgentProfile>> {
  const root: Site = { file, path: '' };
  const record = readObject(await readJson(file), root);
  const agents = new Map<string, AgentProfile>();
  for (const [id, value] of Object.entries(record)) {
    const site = fieldSite(root, id);
    const entry = readObject(value, site); // readVoice checks the keys
    const language = readEnum(entry.language, fieldSite(site, 'language'), languages);
    const name = readString(entry.name, fieldSite(site, 'name'));
    agents.set(id, { id, name, language, ...readVoice(value, site, language, ['name', 'language']) });
  }
  return agents;
}

/** Reads and validates one call script; `agents` comes from `loadAgents`. */
export async function loadScript(file: string, agents: ReadonlyMap<string, AgentProfile>): Promise<CallScript> {
  const root: Site = { file, path: '' };
  const record = readObject(await readJson(file), root, [
    'name', 'language', 'agent_id', 'queue', 'started_at', 'summary', 'customer_voice', 'variants', 'turns',
  ]);
  const name = readString(record.name, fieldSite(root, 'name'), /^(en|ru|hu)-\d\d-[a-z0-9-]+$/);
  if (`${name}.json` !== basename(file)) {
    throw new SampleScriptError(fieldSite(root, 'name'), `"${name}" does not match the file name`);
  }
  const language = readEnum(record.language, fieldSite(root, 'language'), languages);
  if (!name.startsWith(`${language}-`)) {
    throw new SampleScriptError(fieldSite(root, 'language'), `"${language}" does not match the name prefix of "${name}"`);
  }
  const agentSite = fieldSite(root, 'agent_id');
  const agent = agents.get(readString(record.agent_id, agentSite));
  if (!agent || agent.language !== language) {
    throw new SampleScriptError(agentSite, `no ${language} agent with this id in agents.json`);
  }
  const customerVoice = readVoice(record.customer_voice, fieldSite(root, 'customer_voice'), language);
  if (customerVoice.voice === agent.voice) {
    throw new SampleScriptError(fieldSite(root, 'customer_voice'), `must differ from the agent's voice ${agent.voice}`);
  }
  const turnsSite = fieldSite(root, 'turns');
  const turns = readArray(record.turns, turnsSite).map((turn, index) => readTurn(turn, fieldSite(turnsSite, index)));
  checkTurnOrder(turns, turnsSite);
  return {
    file,
    name,
    language,
    agent,
    customerVoice,
    summary: readString(record.summary, fieldSite(root, 'summary')),
    queue: readString(record.queue, fieldSite(root, 'queue'), /^[a-z][a-z0-9-]*$/),
    startedAt: readString(record.started_at, fieldSite(root, 'started_at'), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
    variants: readOptional(record, 'variants', root, readBoolean, false),
    turns,
  };
}

/** Every script under `dir`, sorted by name; `only` keeps the named calls (all must exist). */
export async function listScriptFiles(dir: string, only: readonly string[] = []): Promise<string[]> {
  const names = (await readdir(dir)).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5));
  const missing = only.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new Error(`no script for ${missing.join(', ')} in ${dir}`);
  const chosen = only.length > 0 ? names.filter((name) => only.includes(name)) : names;
  return chosen.sort().map((name) => join(dir, `${name}.json`));
}
