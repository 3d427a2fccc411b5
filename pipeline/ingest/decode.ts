import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { CallqaError } from '../../core/errors.ts';
import { resolveFfmpegBinaries } from './ffmpeg-binaries.ts';
import { pinnedInputArgs } from './input-format.ts';
import { tooLong, type InputLimits } from './input-limits.ts';
import type { DecodeSampleRateHz, PcmBlock, RecordingProbe } from './types.ts';

const bytesPerSample = 4;
/** Decoded length may fall short of the declared one by codec priming and padding, never by more. */
const truncationToleranceS = 0.25;
const truncationToleranceRatio = 0.02;

interface DecodeOutcome {
  exitCode: number | null;
  errorLines: string[];
  /** Set when the decoder was stopped for a limit; reported instead of what its exit looks like. */
  stoppedFor: CallqaError | null;
}

/** USER_HZ, the unit of /proc/<pid>/stat times: 100 on every Linux ABI Node runs on. */
const clockTicksPerS = 100;

/** CPU seconds (user + system) a process has used; null where there is no /proc (not Linux) or it has exited. */
async function readCpuSeconds(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  // Fields after "(comm)": state is the first, utime the 12th and stime the 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerS;
}

/** Splits interleaved f32le frames into one array per channel. */
function deinterleave(frames: Float32Array, channelCount: number): Float32Array[] {
  const frameCount = frames.length / channelCount;
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frameCount));
  for (let channel = 0; channel < channelCount; channel++) {
    const target = channels[channel]!;
    for (let frame = 0, index = channel; frame < frameCount; frame++, index += channelCount) target[frame] = frames[index]!;
  }
  return channels;
}

/**
 * Decoder errors are checked before length: damage usually also loses samples, and "damaged"
 * with ffmpeg's own reason is the more useful message than "shorter than declared".
 */
function checkDecodedLength(probe: RecordingProbe, decodedS: number, outcome: DecodeOutcome): void {
  if (outcome.stoppedFor) throw outcome.stoppedFor;
  const firstError = outcome.errorLines[0] ?? (outcome.exitCode === 0 ? undefined : `ffmpeg exited with code ${outcome.exitCode}`);
  if (firstError) {
    throw new CallqaError(
      'CQA_ERR_INPUT_CORRUPT',
      `${probe.source}: damaged audio: ffmpeg reported ${Math.max(1, outcome.errorLines.length)} decoding error(s), first: "${firstError}"; export the recording again`,
    );
  }
  if (decodedS === 0) {
    throw new CallqaError('CQA_ERR_INPUT_NO_SAMPLES', `${probe.source}: the audio track decodes to no samples; export the recording again`);
  }
  const declared = probe.declaredDurationS;
  if (declared !== null && declared - decodedS > Math.max(truncationToleranceS, declared * truncationToleranceRatio)) {
    throw new CallqaError(
      'CQA_ERR_INPUT_TRUNCATED',
      `${probe.source}: truncated: the file declares ${declared.toFixed(2)} s but only ${decodedS.toFixed(2)} s decode; copy or export it again`,
    );
  }
}

/**
 * Streams a recording as float32 PCM per channel at `sampleRateHz`, keeping only one pipe
 * buffer in memory, so a 3-hour call costs the same memory as a 3-minute one. ffmpeg is
 * spawned directly rather than through fluent-ffmpeg's pipe: that one reports "Output stream
 * closed" when ffmpeg takes more than 20 ms to exit after its last byte, which on a busy
 * machine turned good recordings into "damaged" ones.
 */
export async function* decodePcm(probe: RecordingProbe, sampleRateHz: DecodeSampleRateHz, limits: InputLimits): AsyncGenerator<PcmBlock> {
  const { ffmpegPath } = resolveFfmpegBinaries();
  const decoder = spawn(
    ffmpegPath,
    ['-v', 'error', '-nostdin', ...pinnedInputArgs(probe.source, probe.container), '-i', probe.absolutePath, '-map', '0:a:0', '-vn', '-sn', '-dn',
      '-c:a', 'pcm_f32le', '-ar', String(sampleRateHz), '-f', 'f32le', 'pipe:1'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const outcome: DecodeOutcome = { exitCode: null, errorLines: [], stoppedFor: null };
  const stop = (reason: CallqaError) => {
    outcome.stoppedFor ??= reason;
    decoder.kill('SIGKILL');
  };
  // CPU time, not wall time: ffmpeg waits on a full pipe while a slow stage (Whisper) reads.
  // Polled at a tenth of the limit, between 20 ms and 1 s.
  const cpuWatch = setInterval(() => {
    void readCpuSeconds(decoder.pid ?? -1).then((cpuS) => {
      if (cpuS !== null && cpuS > limits.decodeCpuLimitS) {
        stop(new CallqaError(
          'CQA_ERR_INPUT_DECODE_TIMEOUT',
          `${probe.source}: decoding took more than ${limits.decodeCpuLimitS} s of CPU time, far more than any real recording needs; export the recording again`,
        ));
      }
    });
  }, Math.min(1000, Math.max(20, limits.decodeCpuLimitS * 100)));
  cpuWatch.unref();
  decoder.stderr.setEncoding('utf8').on('data', (text: string) => {
    outcome.errorLines.push(...text.split('\n').map((line) => line.trim()).filter(Boolean));
  });
  const exited = new Promise<void>((resolve) => {
    decoder.on('close', (code) => {
      outcome.exitCode = code;
      resolve();
    });
    decoder.on('error', (error) => {
      outcome.errorLines.push(error.message);
      resolve();
    });
  });
  const channelCount = probe.channels;
  const frameBytes = bytesPerSample * channelCount;
  let carry = Buffer.alloc(0);
  let startFrame = 0;
  let finished = false;
  try {
    for await (const chunk of decoder.stdout as AsyncIterable<Buffer>) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const usableBytes = bytes.length - (bytes.length % frameBytes);
      carry = Buffer.from(bytes.subarray(usableBytes));
      if (usableBytes === 0) continue;
      // Copy into a fresh, 4-byte-aligned buffer: pipe chunks may start at any offset.
      const frames = new Float32Array(usableBytes / bytesPerSample);
      new Uint8Array(frames.buffer).set(bytes.subarray(0, usableBytes));
      const block: PcmBlock = { channels: deinterleave(frames, channelCount), startFrame };
      startFrame += frames.length / channelCount;
      // Containers without a declared length are bounded here, as they decode.
      if (startFrame / sampleRateHz > limits.maxDurationS) {
        stop(tooLong(probe.source, `decodes to more than ${limits.maxDurationS} s`, limits.maxDurationS));
        break;
      }
      yield block;
    }
    await exited;
    finished = true;
    checkDecodedLength(probe, startFrame / sampleRateHz, outcome);
  } finally {
    clearInterval(cpuWatch);
    if (!finished) decoder.kill('SIGKILL');
  }
}
