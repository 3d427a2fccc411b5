/**
 * The robustness conditions matrix (`conditions.json`): what is done to the clean mix of each
 * corpus call before it is stored. Read with the sample generator's field readers, so a typo
 * names the file and the field.
 */
import { readFile } from 'node:fs/promises';
import {
  type Site, fieldSite, readArray, readEnum, readNumber, readObject, readString,
} from '../../samples/generator/fields.ts';

export type Codec = 'pcm' | 'mulaw' | 'alaw' | 'gsm' | 'mp3' | 'opus';

export type SignalStep =
  | { kind: 'bleed'; gainDb: number }
  | { kind: 'echo'; delayMs: number; gainDb: number }
  | { kind: 'gain'; party: 'agent' | 'customer' | 'both'; gainDb: number }
  | { kind: 'noise'; noise: 'white' | 'babble'; snrDb: number }
  | { kind: 'clip'; level: number }
  | { kind: 'dc'; offset: number }
  | { kind: 'agc'; depthDb: number; periodS: number };

export interface Encoding {
  codec: Codec;
  bitrateKbps: number | null;
  rateHz: 8000 | 16000;
}

export interface Condition {
  name: string;
  steps: SignalStep[];
  encoding: Encoding;
}

export const defaultConditionsPath = new URL('./conditions.json', import.meta.url).pathname;

const stepKinds = ['bleed', 'echo', 'gain', 'noise', 'clip', 'dc', 'agc', 'encode'] as const;

function readEncoding(record: Record<string, unknown>, site: Site): Encoding {
  const codec = readEnum(record.codec, fieldSite(site, 'codec'), ['pcm', 'mulaw', 'alaw', 'gsm', 'mp3', 'opus'] as const);
  const needsBitrate = codec === 'mp3' || codec === 'opus';
  return {
    codec,
    bitrateKbps: needsBitrate ? readNumber(record.bitrate_kbps, fieldSite(site, 'bitrate_kbps'), 6, 64) : null,
    rateHz: record.rate_hz === undefined ? 8000 : readEnum(String(record.rate_hz), fieldSite(site, 'rate_hz'), ['8000', '16000'] as const) === '16000' ? 16000 : 8000,
  };
}

function readStep(value: unknown, site: Site): SignalStep | Encoding {
  const loose = readObject(value, site);
  const kind = readEnum(loose.kind, fieldSite(site, 'kind'), stepKinds);
  const keysOf: Record<(typeof stepKinds)[number], string[]> = {
    bleed: ['gain_db'], echo: ['delay_ms', 'gain_db'], gain: ['party', 'gain_db'], noise: ['noise', 'snr_db'],
    clip: ['level'], dc: ['offset'], agc: ['depth_db', 'period_s'], encode: ['codec', 'bitrate_kbps', 'rate_hz'],
  };
  const record = readObject(value, site, ['kind', ...keysOf[kind]]);
  const number = (key: string, min: number, max: number) => readNumber(record[key], fieldSite(site, key), min, max);
  switch (kind) {
    case 'bleed': return { kind, gainDb: number('gain_db', -80, 0) };
    case 'echo': return { kind, delayMs: number('delay_ms', 1, 1000), gainDb: number('gain_db', -80, 0) };
    case 'gain': return { kind, party: readEnum(record.party, fieldSite(site, 'party'), ['agent', 'customer', 'both'] as const), gainDb: number('gain_db', -40, 20) };
    case 'noise': return { kind, noise: readEnum(record.noise, fieldSite(site, 'noise'), ['white', 'babble'] as const), snrDb: number('snr_db', -10, 60) };
    case 'clip': return { kind, level: number('level', 0.01, 1) };
    case 'dc': return { kind, offset: number('offset', -0.5, 0.5) };
    case 'agc': return { kind, depthDb: number('depth_db', 0, 20), periodS: number('period_s', 0.5, 60) };
    case 'encode': return readEncoding(record, site);
  }
}

/** Reads and checks the conditions file; `only` keeps the named conditions (all must exist). */
export async function loadConditions(file = defaultConditionsPath, only: readonly string[] = []): Promise<Condition[]> {
  const root: Site = { file, path: '' };
  const record = readObject(JSON.parse(await readFile(file, 'utf8')), root, ['$comment', 'conditions']);
  const listSite = fieldSite(root, 'conditions');
  const conditions = readArray(record.conditions, listSite).map((value, index): Condition => {
    const site = fieldSite(listSite, index);
    const entry = readObject(value, site, ['name', 'steps']);
    const name = readString(entry.name, fieldSite(site, 'name'), /^[a-z0-9+-]+$/);
    const stepsSite = fieldSite(site, 'steps');
    const parsed = readArray(entry.steps, stepsSite).map((step, stepIndex) => readStep(step, fieldSite(stepsSite, stepIndex)));
    const encodings = parsed.filter((step): step is Encoding => 'codec' in step);
    const last = parsed.at(-1);
    if (encodings.length > 1 || (encodings.length === 1 && (last === undefined || !('codec' in last)))) {
      throw new Error(`${file}: ${stepsSite.path}: at most one "encode" step, and it must come last`);
    }
    const encoding = encodings[0] ?? { codec: 'pcm', bitrateKbps: null, rateHz: 8000 };
    if (encoding.codec === 'gsm' && encoding.rateHz !== 8000) throw new Error(`${file}: ${stepsSite.path}: GSM 06.10 is 8 kHz only`);
    return { name, steps: parsed.filter((step): step is SignalStep => !('codec' in step)), encoding };
  });
  const missing = only.filter((name) => !conditions.some((condition) => condition.name === name));
  if (missing.length > 0) throw new Error(`${file}: no condition named ${missing.join(', ')}`);
  return only.length > 0 ? conditions.filter((condition) => only.includes(condition.name)) : conditions;
}
