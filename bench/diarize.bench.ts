/**
 * Cost of the built-in diarization of a mono call: the audio bench's 15-minute conversation
 * summed to one channel, the audio stage run first (not timed), then the diarize stage (one
 * more decode, features, clustering, resegmentation) timed in × real time per wall second and
 * per CPU second (this process and ffmpeg together).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { silentEffects } from '../core/effects.ts';
import { analyzeAudio } from '../pipeline/audio/index.ts';
import { ingestRecording } from '../pipeline/ingest/index.ts';
import { diarizeMonoCall } from '../pipeline/separate-parties.ts';
import { makeBenchConversation } from './audio-call.ts';

const run = promisify(execFile);
const clockTicksPerS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU seconds of this process's waited-for children (ffmpeg), from /proc/self/stat. */
function childrenCpuS(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / clockTicksPerS;
}

async function makeMonoConversation(): Promise<string> {
  const file = path.join(os.tmpdir(), 'callqa-bench-conversation-15min-mono-ulaw.wav');
  if (!existsSync(file)) await run('ffmpeg', ['-v', 'error', '-y', '-i', await makeBenchConversation(), '-ac', '1', '-c:a', 'pcm_mulaw', file]);
  return file;
}

export async function benchDiarize(): Promise<void> {
  const audio = await ingestRecording(await makeMonoConversation(), { agentChannel: 0 }, silentEffects);
  const acoustics = await analyzeAudio(audio, silentEffects);
  const cpuBefore = process.cpuUsage();
  const childrenBeforeS = childrenCpuS();
  const startedMs = performance.now();
  const diarization = await diarizeMonoCall(audio, acoustics, silentEffects);
  const wallS = (performance.now() - startedMs) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const nodeCpuS = (cpu.user + cpu.system) / 1e6;
  const ffmpegCpuS = childrenCpuS() - childrenBeforeS;
  console.log(
    `diarize stage (built-in), ${(acoustics.durationS / 60).toFixed(0)} min 8 kHz mono, ${diarization?.turns.length ?? 0} turns: ` +
      `${(acoustics.durationS / wallS).toFixed(0)}x real time (wall), ` +
      `${(acoustics.durationS / (nodeCpuS + ffmpegCpuS)).toFixed(0)}x real time per core (CPU ${nodeCpuS.toFixed(1)} s node + ${ffmpegCpuS.toFixed(1)} s ffmpeg)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDiarize();
