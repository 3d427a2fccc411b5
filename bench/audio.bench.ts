/**
 * Speed and memory of the audio stage (decode + Silero VAD + music detector + events), each
 * run in a child process: × real time on the 15-minute 8 kHz stereo conversation, per wall
 * second and per CPU second (this process and ffmpeg together), and peak RSS on a 2-hour call.
 * Targets: ≥ 300× real time per core (issue 13), < 300 MB.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeBenchConversation, makeBenchLongCall } from './audio-call.ts';
import type { AudioRunFigures } from './audio-child.ts';

const run = promisify(execFile);
const childScript = fileURLToPath(new URL('./audio-child.ts', import.meta.url));
const tsxBin = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

async function runChild(file: string): Promise<AudioRunFigures> {
  const { stdout } = await run(tsxBin, [childScript, file], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as AudioRunFigures;
}

export async function benchAudio(): Promise<void> {
  const conversation = await runChild(await makeBenchConversation());
  const cpuS = conversation.nodeCpuS + conversation.ffmpegCpuS;
  console.log(
    `audio stage, ${(conversation.audioS / 60).toFixed(0)} min 8 kHz stereo: ` +
      `${(conversation.audioS / conversation.wallS).toFixed(0)}x real time (wall), ` +
      `${(conversation.audioS / cpuS).toFixed(0)}x real time per core ` +
      `(CPU ${conversation.nodeCpuS.toFixed(1)} s node + ${conversation.ffmpegCpuS.toFixed(1)} s ffmpeg; target ≥ 300x)`,
  );
  const longCall = await runChild(await makeBenchLongCall());
  console.log(
    `audio stage, ${(longCall.audioS / 3600).toFixed(1)} h 8 kHz stereo: peak RSS ${longCall.peakRssMb.toFixed(0)} MB (target < 300 MB), ` +
      `${(longCall.audioS / longCall.wallS).toFixed(0)}x real time (wall)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAudio();
