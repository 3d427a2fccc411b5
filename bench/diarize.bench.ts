/**
 * Cost of the built-in diarization of a mono call: the audio bench's 15-minute conversation
 * summed to one channel, the audio stage run first (not timed), then the diarize stage (one
 * more decode, features, clustering, resegmentation) timed in × real time per wall second and
 * per CPU second (this process and ffmpeg together); then the same looped to 2 hours, for its
 * speed and the peak RSS of the process (the audio stage alone peaks near 200 MB on it).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { silentEffects } from '../core/effects.ts';
import { analyzeAudio } from '../pipeline/audio/index.ts';
import { ingestRecording } from '../pipeline/ingest/index.ts';
import { diarizeMonoCall } from '../pipeline/separate-parties.ts';
import { makeBenchConversation, makeBenchLongCall } from './audio-call.ts';
import { childrenCpuS } from './cpu-time.ts';

const run = promisify(execFile);
async function makeMono(stereo: string, name: string): Promise<string> {
  const file = path.join(os.tmpdir(), `callqa-bench-${name}-mono-ulaw.wav`);
  if (!existsSync(file)) await run('ffmpeg', ['-v', 'error', '-y', '-i', stereo, '-ac', '1', '-c:a', 'pcm_mulaw', file]);
  return file;
}

async function diarizeTimed(file: string) {
  const audio = await ingestRecording(file, { agentChannel: 0, maxDurationS: 36000 }, silentEffects);
  const acoustics = await analyzeAudio(audio, silentEffects);
  const cpuBefore = process.cpuUsage();
  const childrenBeforeS = childrenCpuS();
  const startedMs = performance.now();
  const diarization = await diarizeMonoCall(audio, acoustics, silentEffects);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    audioS: acoustics.durationS,
    wallS: (performance.now() - startedMs) / 1000,
    nodeCpuS: (cpu.user + cpu.system) / 1e6,
    ffmpegCpuS: childrenCpuS() - childrenBeforeS,
    turns: diarization?.turns.length ?? 0,
  };
}

export async function benchDiarize(): Promise<void> {
  const call = await diarizeTimed(await makeMono(await makeBenchConversation(), 'conversation-15min'));
  console.log(
    `diarize stage (built-in), ${(call.audioS / 60).toFixed(0)} min 8 kHz mono, ${call.turns} turns: ` +
      `${(call.audioS / call.wallS).toFixed(0)}x real time (wall), ` +
      `${(call.audioS / (call.nodeCpuS + call.ffmpegCpuS)).toFixed(0)}x real time per core (CPU ${call.nodeCpuS.toFixed(1)} s node + ${call.ffmpegCpuS.toFixed(1)} s ffmpeg)`,
  );
  const long = await diarizeTimed(await makeMono(await makeBenchLongCall(), 'conversation-2h'));
  console.log(
    `diarize stage (built-in), ${(long.audioS / 3600).toFixed(1)} h 8 kHz mono: ${(long.audioS / (long.nodeCpuS + long.ffmpegCpuS)).toFixed(0)}x real time per core, ` +
      `peak RSS of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (both calls analysed in it: an upper bound)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDiarize();
