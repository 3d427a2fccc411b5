/**
 * Which ffmpeg and ffprobe callqa runs. A system install is preferred because distributions
 * patch and update it (and it carries libopus, libgsm, soxr); the npm-shipped static builds
 * are the fallback so `npm ci` alone is enough. `CALLQA_FFMPEG` / `CALLQA_FFPROBE` override both.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { CallqaError } from '../../core/errors.ts';

export interface FfmpegBinaries {
  ffmpegPath: string;
  ffprobePath: string;
  origin: 'env' | 'system' | 'npm';
}

const require = createRequire(import.meta.url);

function runs(binary: string): boolean {
  const probe = spawnSync(binary, ['-version'], { stdio: 'ignore', timeout: 10_000 });
  return probe.status === 0;
}

function findNpmBinary(packageName: string): string | undefined {
  try {
    const shipped = require(packageName) as { path?: unknown };
    return typeof shipped.path === 'string' ? shipped.path : undefined;
  } catch {
    return undefined;
  }
}

let resolved: FfmpegBinaries | undefined;

/** Resolves the binaries once per process; throws CQA_ERR_FFMPEG_MISSING with the fix. */
export function resolveFfmpegBinaries(env: NodeJS.ProcessEnv = process.env): FfmpegBinaries {
  if (resolved) return resolved;
  const candidates: FfmpegBinaries[] = [];
  if (env.CALLQA_FFMPEG && env.CALLQA_FFPROBE) {
    candidates.push({ ffmpegPath: env.CALLQA_FFMPEG, ffprobePath: env.CALLQA_FFPROBE, origin: 'env' });
  }
  candidates.push({ ffmpegPath: 'ffmpeg', ffprobePath: 'ffprobe', origin: 'system' });
  const npmFfmpeg = findNpmBinary('@ffmpeg-installer/ffmpeg');
  const npmFfprobe = findNpmBinary('@ffprobe-installer/ffprobe');
  if (npmFfmpeg && npmFfprobe) candidates.push({ ffmpegPath: npmFfmpeg, ffprobePath: npmFfprobe, origin: 'npm' });

  const usable = candidates.find((candidate) => runs(candidate.ffmpegPath) && runs(candidate.ffprobePath));
  if (!usable) {
    throw new CallqaError(
      'CQA_ERR_FFMPEG_MISSING',
      'no working ffmpeg/ffprobe found (tried CALLQA_FFMPEG/CALLQA_FFPROBE, the system PATH and the npm packages); ' +
        'install ffmpeg (e.g. `apt-get install ffmpeg`) or run `npm ci` again',
    );
  }
  resolved = Object.freeze(usable);
  return resolved;
}
