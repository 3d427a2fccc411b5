/**
 * Decode speed and memory of the ingest stage: streams a 2-hour 8 kHz stereo µ-law call
 * (what a phone system exports) at 16 kHz and at its native 8 kHz, and reports x real time
 * and the process's peak RSS. Run through `npm run bench`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { silentEffects } from '../core/effects.ts';
import { ingestRecording, type DecodeSampleRateHz } from '../pipeline/ingest/index.ts';

const run = promisify(execFile);
const durationS = 2 * 3600;

async function makeLongCall(): Promise<string> {
  const file = path.join(os.tmpdir(), `callqa-bench-2h-stereo-ulaw.wav`);
  if (existsSync(file)) return file;
  await run('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `sine=frequency=300:duration=${durationS}:sample_rate=8000`,
    '-f', 'lavfi', '-i', `anoisesrc=d=${durationS}:r=8000:a=0.1:seed=1`,
    '-filter_complex', '[0:a][1:a]join=inputs=2:channel_layout=stereo[a]', '-map', '[a]', '-c:a', 'pcm_mulaw', file,
  ]);
  return file;
}

export async function benchDecode(): Promise<void> {
  const file = await makeLongCall();
  const audio = await ingestRecording(file, { agentChannel: 0 }, silentEffects);
  for (const rate of [16000, 8000] as DecodeSampleRateHz[]) {
    const startedMs = performance.now();
    let frames = 0;
    for await (const block of audio.openPcm(rate)) frames += block.channels[0]!.length;
    const elapsedS = (performance.now() - startedMs) / 1000;
    console.log(
      `decode 2 h stereo µ-law → ${rate / 1000} kHz f32 per channel: ${(frames / rate / elapsedS).toFixed(0)}x real time ` +
        `(${elapsedS.toFixed(1)} s), peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDecode();
