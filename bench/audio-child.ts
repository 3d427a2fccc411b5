/**
 * Runs the audio stage over one recording in a fresh process and prints one JSON line: audio
 * seconds, wall seconds, CPU seconds of this process and of ffmpeg (its waited-for child, read
 * from /proc), and peak RSS. The bench spawns it so peak RSS belongs to one call alone.
 */
import { childrenCpuS } from './cpu-time.ts';
import { loadOnnxSession } from '../models/onnx-session.ts';
import { analyzeAudio } from '../pipeline/audio/index.ts';
import { sileroModelId } from '../pipeline/audio/silero-session.ts';
import { silentEffects } from '../core/effects.ts';
import { ingestRecording } from '../pipeline/ingest/index.ts';

export interface AudioRunFigures {
  audioS: number;
  wallS: number;
  nodeCpuS: number;
  ffmpegCpuS: number;
  peakRssMb: number;
}

async function measure(file: string): Promise<AudioRunFigures> {
  // Load the model first: the figures are for analysing, which a worker does many times per load.
  await loadOnnxSession(sileroModelId);
  const audio = await ingestRecording(file, { agentChannel: 0 }, silentEffects);
  const cpuBefore = process.cpuUsage();
  const childrenBeforeS = childrenCpuS();
  const startedMs = performance.now();
  const analysis = await analyzeAudio(audio, silentEffects);
  const wallS = (performance.now() - startedMs) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    audioS: analysis.durationS,
    wallS,
    nodeCpuS: (cpu.user + cpu.system) / 1e6,
    ffmpegCpuS: childrenCpuS() - childrenBeforeS,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/audio-child.ts <recording>');
process.stdout.write(`${JSON.stringify(await measure(file))}\n`);
