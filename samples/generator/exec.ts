/** Child processes (espeak-ng, sox, ffmpeg) and a small concurrency limit for running them. */
import { spawn } from 'node:child_process';

/** Runs `command` with `args`, feeding `input` to stdin; resolves with stdout, rejects with stderr. */
export function runTool(command: string, args: readonly string[], input?: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(new Error(`cannot run ${command}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(stdout));
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${Buffer.concat(stderr).toString().trim()}`));
    });
    child.stdin.on('error', () => {}); // a tool that fails early closes stdin; the exit code reports it
    child.stdin.end(input);
  });
}

/** Raw little-endian f32 bytes as samples; copied because a Buffer may sit unaligned in its pool. */
export function toFloat32(bytes: Buffer): Float32Array {
  const copy = new Uint8Array(bytes.byteLength - (bytes.byteLength % 4));
  copy.set(bytes.subarray(0, copy.byteLength));
  return new Float32Array(copy.buffer);
}

/** Maps `items` through `task` with at most `limit` tasks in flight; keeps the input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
