/**
 * Generates one sample call: synthesizes its lines, lays them out, mixes and encodes the
 * audio, and writes the truth and transcript beside it (plus the variants it asks for).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCallAudio } from './encode.ts';
import { mapLimited } from './exec.ts';
import { mixCall } from './mix.ts';
import { createPrng, hashSeed } from './prng.ts';
import { assessCall } from './rules.ts';
import type { CallScript, LineTurn } from './script-types.ts';
import { type SpeechClip, speakLine } from './speak.ts';
import { layOutTimeline } from './timeline.ts';
import { type CallTruth, buildTranscript, buildTruth } from './truth.ts';

export interface CallOutput {
  /** Receives `calls/` and `variants/`. */
  outDir: string;
  /** Scratch space for espeak-ng's WAV files. */
  tmpDir: string;
  /** How many synthesis processes may run at once. */
  concurrency: number;
}

const writeJson = (path: string, value: unknown): Promise<void> => writeFile(path, `${JSON.stringify(value, null, 2)}\n`);

/** A call's mixed audio (interleaved stereo f32 at 8 kHz, not yet band-limited) and its truth. */
export interface RenderedCall {
  stereo: Float32Array;
  truth: CallTruth;
}

/** Synthesizes, lays out and mixes `script`; the robustness corpus degrades this same mix. */
export async function renderCall(script: CallScript, tmpDir: string, concurrency: number): Promise<RenderedCall> {
  const lineIndexes = script.turns.flatMap((turn, index) => (turn.kind === 'line' ? [index] : []));
  const clips = new Map(await mapLimited(lineIndexes, concurrency, async (index): Promise<[number, SpeechClip]> => {
    const line = script.turns[index] as LineTurn;
    const voice = line.party === 'agent' ? script.agent : script.customerVoice;
    return [index, await speakLine(line, voice, tmpDir, `${script.name}-${index}`)];
  }));
  // Separate streams, so changing the noise or the music never moves a line in time.
  const timeline = layOutTimeline(script, clips, createPrng(hashSeed(`${script.name}:timeline`)));
  const stereo = mixCall(timeline, createPrng(hashSeed(`${script.name}:audio`)));
  return { stereo, truth: buildTruth(script, timeline, assessCall(script)) };
}

/** Generates `script` under `output.outDir`; returns its truth. */
export async function generateCall(script: CallScript, output: CallOutput): Promise<CallTruth> {
  const { stereo, truth } = await renderCall(script, output.tmpDir, output.concurrency);

  const callsDir = join(output.outDir, 'calls');
  await mkdir(callsDir, { recursive: true });
  const base = join(callsDir, script.name);
  const writes = [
    writeCallAudio(stereo, `${base}.wav`, 'stereo-mulaw'),
    writeJson(`${base}.truth.json`, truth),
    writeJson(`${base}.transcript.json`, buildTranscript(truth)),
    // What a recorder's export would know besides the audio: callqa reads it as the call's metadata.
    writeJson(`${base}.meta.json`, { agent: script.agent.id, queue: script.queue, started_at: script.startedAt, direction: 'inbound' }),
  ];
  if (script.variants) {
    // Not in calls/: `npm start` analyses every recording there as a separate call.
    const variantsDir = join(output.outDir, 'variants');
    await mkdir(variantsDir, { recursive: true });
    const variant = join(variantsDir, script.name);
    writes.push(
      writeCallAudio(stereo, `${variant}.mono.wav`, 'mono-mulaw'),
      writeJson(`${variant}.mono.truth.json`, { ...truth, channels: 1 }),
      writeCallAudio(stereo, `${variant}.mp3`, 'mp3'),
      writeJson(`${variant}.truth.json`, truth),
    );
  }
  await Promise.all(writes);
  return truth;
}
