/**
 * Lays a script's turns out on one timeline, in samples at 8 kHz: conversational pauses,
 * interruptions (the interrupted line cut off or talked over), backchannels inside the other
 * party's line, holds, dead air and a closing transfer. Times come from the trimmed clips, so
 * every event boundary is where the audio really changes.
 */
import { SampleScriptError } from './fields.ts';
import type { Prng } from './prng.ts';
import type { CallScript, HoldTurn, LineTurn, Party, TransferTurn } from './script-types.ts';
import { type SpeechClip, sampleRateHz, trimSilence } from './speak.ts';

export interface PlacedLine {
  line: LineTurn;
  start: number;
  samples: Float32Array;
  /** What is audible: the text before the cut marker when the line is cut off. */
  text: string;
}

export type PlacedEvent =
  | { type: 'interruption'; by: Party; start: number; end: number; cutOff: boolean }
  | { type: 'backchannel'; by: Party; start: number; end: number }
  | { type: 'hold'; start: number; end: number; hold: HoldTurn }
  | { type: 'dead_air'; start: number; end: number }
  | { type: 'transfer'; start: number; end: number; transfer: TransferTurn };

export interface Timeline {
  lengthSamples: number;
  lines: PlacedLine[];
  events: PlacedEvent[];
}

const s = (seconds: number): number => Math.round(seconds * sampleRateHz);
const endOf = (placed: PlacedLine): number => placed.start + placed.samples.length;
const fadeSamples = s(0.02);

/** Cuts a clip where its speaker stops, re-trims it and fades the last 20 ms to avoid a click. */
function cutOff(samples: Float32Array, heardSamples: number): Float32Array {
  const cut = trimSilence(samples.slice(0, heardSamples));
  for (let i = 0; i < Math.min(fadeSamples, cut.length); i++) {
    const index = cut.length - 1 - i;
    cut[index] = (cut[index] ?? 0) * (i / fadeSamples);
  }
  return cut;
}

/** Places every turn; `clips[i]` is the clip of `script.turns[i]` when that turn is a line. */
export function layOutTimeline(script: CallScript, clips: ReadonlyMap<number, SpeechClip>, prng: Prng): Timeline {
  const lines: PlacedLine[] = [];
  const events: PlacedEvent[] = [];
  let cursor = s(prng.between(0.3, 0.6));
  // The first line and a line after a hold or dead air start right at the cursor, so the
  // gap in the truth is exactly the scripted one.
  let followsSpeech = false;
  let host: PlacedLine | undefined;
  let recordingEnd: number | undefined;
  const fail = (index: number, problem: string): never => {
    throw new SampleScriptError({ file: script.file, path: `turns[${index}]` }, problem);
  };

  script.turns.forEach((turn, index) => {
    if (turn.kind === 'hold' || turn.kind === 'dead_air') {
      const end = cursor + s(turn.durationS);
      events.push(turn.kind === 'hold' ? { type: 'hold', start: cursor, end, hold: turn } : { type: 'dead_air', start: cursor, end });
      cursor = end;
      followsSpeech = false;
      return;
    }
    if (turn.kind === 'transfer') {
      const announcement = lines.find((placed) => placed.line.tags.includes('transfer'));
      recordingEnd = cursor + s(turn.handoverS);
      events.push({ type: 'transfer', start: announcement?.start ?? cursor, end: recordingEnd, transfer: turn });
      return;
    }
    const clip = clips.get(index) ?? fail(index, 'no audio was synthesized for this line');
    const samples = turn.heardText === null ? clip.samples : cutOff(clip.samples, clip.heardSamples ?? clip.samples.length);
    const text = turn.heardText ?? turn.text;
    if (turn.backchannelAt !== null && host) {
      const start = host.start + Math.round(turn.backchannelAt * host.samples.length);
      const placed = { line: turn, start, samples, text };
      if (samples.length >= s(0.6)) fail(index, `backchannel lasts ${(samples.length / sampleRateHz).toFixed(2)} s; keep it under 0.6 s`);
      if (endOf(placed) > endOf(host) - s(0.1)) fail(index, 'backchannel runs past the line it sits in; lower "at"');
      lines.push(placed);
      events.push({ type: 'backchannel', by: turn.party, start, end: endOf(placed) });
      return;
    }
    const overlapS = turn.interruptOverlapS ?? turn.shortOverlapS;
    const start = overlapS !== null && host
      ? endOf(host) - s(overlapS)
      : cursor + (followsSpeech ? s(turn.pauseS ?? prng.between(0.2, 0.45)) : 0);
    if (turn.shortOverlapS !== null && host && start < host.start + s(0.5)) fail(index, 'the line before is too short for this overlap');
    if (turn.interruptOverlapS !== null && host) {
      if (start < host.start + s(0.5)) fail(index, 'the interrupted line is too short for this overlap');
      const overlapEnd = Math.min(endOf(host), start + samples.length);
      if (overlapEnd - start < s(0.6)) fail(index, 'the interrupting line is shorter than its overlap');
      events.push({ type: 'interruption', by: turn.party, start, end: overlapEnd, cutOff: host.line.heardText !== null });
    }
    host = { line: turn, start, samples, text };
    lines.push(host);
    cursor = Math.max(cursor, endOf(host));
    followsSpeech = true;
  });
  return { lengthSamples: recordingEnd ?? cursor + s(0.5), lines, events };
}
