/**
 * The recordings the audio bench runs on, made once and cached in the temp folder: a 15-minute
 * 8 kHz stereo µ-law conversation (espeak-ng turns, pauses, a music hold every few minutes)
 * and a 2-hour call made by looping it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chords, durationS, speak, writeCall, type Placement } from '../pipeline/audio/call-fixtures.test-helper.ts';

const run = promisify(execFile);

const agentLines = [
  'Thank you for calling, my name is Anna, how can I help you today?',
  'Let me check that for you, it will take a moment.',
  'I can see the invoice now, and there is a duplicate charge on it.',
  'I have removed the second charge, you will see the refund in three to five days.',
  'Is there anything else I can help you with today?',
];
const customerLines = [
  'Hi, I have a question about my last invoice, it seems far too high.',
  'Okay, thank you.',
  'Really? I never ordered anything twice, how did that happen?',
  'Great, that is a relief. Could you also send me a confirmation by email?',
  'No, that is all, thanks for your help.',
];

/** Lays turns out alternately until `lengthS`, with a 30 s music hold every 180 s. */
async function layOutConversation(folder: string, lengthS: number): Promise<Placement[]> {
  const agent = await Promise.all(agentLines.map((text) => speak(folder, text)));
  const customer = await Promise.all(customerLines.map((text) => speak(folder, text, { voice: 'en-us+f3' })));
  const music = chords(30);
  const placements: Placement[] = [];
  let atS = 0.5;
  let nextHoldS = 180;
  for (let turn = 0; atS < lengthS - 40; turn++) {
    const clips = turn % 2 === 0 ? agent : customer;
    const samples = clips[Math.floor(turn / 2) % clips.length]!;
    placements.push({ channel: turn % 2, atS, samples });
    atS += durationS(samples) + 0.3 + (turn % 5) * 0.2;
    if (atS > nextHoldS) {
      placements.push({ channel: 1, atS: atS + 0.5, samples: music });
      atS += durationS(music) + 1;
      nextHoldS += 180;
    }
  }
  return placements;
}

/** The 15-minute conversation (cached). */
export async function makeBenchConversation(): Promise<string> {
  const file = path.join(os.tmpdir(), 'callqa-bench-conversation-15min-ulaw.wav');
  if (existsSync(file)) return file;
  const folder = await mkdtemp(path.join(os.tmpdir(), 'callqa-bench-'));
  try {
    const lengthS = 15 * 60;
    const wavPath = await writeCall(path.join(folder, 'conversation.wav'), 2, lengthS, await layOutConversation(folder, lengthS));
    await run('ffmpeg', ['-v', 'error', '-y', '-i', wavPath, '-c:a', 'pcm_mulaw', file]);
    return file;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The conversation looped to 2 hours (cached). */
export async function makeBenchLongCall(): Promise<string> {
  const file = path.join(os.tmpdir(), 'callqa-bench-conversation-2h-ulaw.wav');
  if (existsSync(file)) return file;
  const conversation = await makeBenchConversation();
  await run('ffmpeg', ['-v', 'error', '-y', '-stream_loop', '7', '-i', conversation, '-c:a', 'pcm_mulaw', file]);
  return file;
}
