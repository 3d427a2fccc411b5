/** The JSON import format: {"utterances": [{"party", "start", "end", "text"}, …]}; other keys are ignored. */
import type { Utterance } from '../../result/call-result.ts';
import { transcriptError } from './transcript-error.ts';
import { checkJsonDepth } from './transcript-limits.ts';

const parties = ['agent', 'customer'] as const;

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function parseUtterance(entry: unknown, index: number, fileName: string): Utterance {
  const where = `utterances[${index}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw transcriptError(fileName, where, `must be an object, got ${describe(entry)}`);
  const { party, start, end, text } = entry as Record<string, unknown>;
  if (!parties.includes(party as (typeof parties)[number])) throw transcriptError(fileName, `${where}.party`, `must be "agent" or "customer", got ${describe(party)}`);
  if (typeof start !== 'number' || !Number.isFinite(start) || start < 0) throw transcriptError(fileName, `${where}.start`, `must be seconds ≥ 0, got ${describe(start)}`);
  if (typeof end !== 'number' || !Number.isFinite(end) || end < start) throw transcriptError(fileName, `${where}.end`, `must be seconds ≥ start (${start}), got ${describe(end)}`);
  if (typeof text !== 'string') throw transcriptError(fileName, `${where}.text`, `must be a string, got ${describe(text)}`);
  return { party: party as (typeof parties)[number], start, end, text: text.trim() };
}

/** Parses and validates a JSON transcript; errors name the file, the utterance index and the field. */
export function parseJsonTranscript(content: string, fileName: string): Utterance[] {
  checkJsonDepth(content, fileName);
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (cause) {
    throw transcriptError(fileName, 'JSON', (cause as Error).message);
  }
  const utterances = (document as { utterances?: unknown } | null)?.utterances;
  if (!Array.isArray(utterances)) throw transcriptError(fileName, 'utterances', `must be an array, got ${describe(utterances)}`);
  return utterances.map((entry, index) => parseUtterance(entry, index, fileName));
}
