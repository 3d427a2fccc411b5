/**
 * Bleeps in served audio (setting redaction text+audio): over each redacted value of a call, a
 * tone replaces what was said on both channels, in the browser audio and in example clips.
 * The spans come from the stored result, which records where values were and never what. A
 * call analysed with text+audio is always bleeped; a server set to text+audio also bleeps
 * calls analysed with text, since their spans are recorded too.
 */
import { createHash } from 'node:crypto';
import type { CallRedaction, RedactionMode } from '../../pipeline/result/call-result.ts';
import type { SerializedDb } from './serialized-db.ts';

export interface BleepSpan {
  start: number;
  end: number;
}

const toneHz = 1000;
/** Loud enough to hear clearly, below a typical speech peak. */
const toneAmplitude = 0.25;

/** The spans to bleep in a call's audio; empty when nothing is to be bleeped. */
export async function loadBleepSpans(db: SerializedDb, callId: string, serverMode: RedactionMode): Promise<BleepSpan[]> {
  const [row] = await db.all<{ redaction: string | null }>(`SELECT (result_json->'redaction')::VARCHAR AS redaction FROM calls WHERE call_id = $1`, [callId]);
  if (!row?.redaction) return [];
  const redaction = JSON.parse(row.redaction) as CallRedaction;
  if (redaction.mode !== 'text+audio' && serverMode !== 'text+audio') return [];
  return redaction.spans.map(({ start, end }) => ({ start, end }));
}

/** ffmpeg output arguments that put the tone over each span, its times shifted back by `offsetS` (a clip's start). */
export function bleepFilterArgs(spans: readonly BleepSpan[], offsetS = 0): string[] {
  if (spans.length === 0) return [];
  const inside = spans.map(({ start, end }) => `between(t,${(start - offsetS).toFixed(3)},${(end - offsetS).toFixed(3)})`).join('+');
  return ['-af', `aeval=exprs='if(${inside},${toneAmplitude}*sin(2*PI*${toneHz}*t),val(ch))':channel_layout=same`];
}

/** Part of a cached file's name that changes with the spans, so a re-analysis never serves an old bleeping. */
export function bleepCacheKey(spans: readonly BleepSpan[]): string {
  return spans.length === 0 ? '' : `-bleep-${createHash('sha256').update(JSON.stringify(spans)).digest('hex').slice(0, 16)}`;
}
