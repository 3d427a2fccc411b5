/**
 * Which containers ffmpeg may open for callqa, and the input arguments that hold it to them.
 * Some demuxers read further files named inside the input (an HLS playlist, a concat script,
 * an image sequence): an upload of a few bytes could make the server analyse, and serve, any
 * recording it can read. So ffprobe and ffmpeg only ever run with local files and pipes as
 * protocols and the accepted demuxers as the format whitelist, and decoding names the probed
 * demuxer so that ffmpeg cannot detect a different one.
 */
import { readFileSync } from 'node:fs';
import { CallqaError } from '../../core/errors.ts';

/** ffprobe's format_name → the demuxer decoding is pinned to (accepted-containers.json). */
const demuxerOfContainer: ReadonlyMap<string, string> = new Map(
  Object.entries(
    (JSON.parse(readFileSync(new URL('./accepted-containers.json', import.meta.url), 'utf8')) as { containers: Record<string, string> }).containers,
  ),
);

const acceptedDemuxers = [...new Set(demuxerOfContainer.values())].join(',');

/** Input arguments for any ffprobe or ffmpeg run on a recording, placed before `-i`. */
export const safeInputArgs: readonly string[] = Object.freeze(['-protocol_whitelist', 'file,pipe', '-format_whitelist', acceptedDemuxers]);

function refusedContainer(source: string, container: string): CallqaError {
  return new CallqaError(
    'CQA_ERR_INPUT_CONTAINER_REFUSED',
    `${source}: the container "${container}" is refused: callqa reads recordings (${acceptedDemuxers}), not playlists, ` +
      'concatenation scripts or other files that point at further files; give the recording itself',
  );
}

/** The refusal for an ffprobe failure caused by the format whitelist, or null for any other failure. */
export function findContainerRefusal(source: string, ffprobeOutput: string): CallqaError | null {
  // ffprobe logs "[hls @ 0x…] Format not on whitelist 'wav,…'" with the demuxer it had detected.
  const refused = /\[([\w,]+) @ 0x[0-9a-f]+\] Format not on whitelist/.exec(ffprobeOutput);
  return refused ? refusedContainer(source, refused[1]!) : null;
}

/** The demuxer to decode a probed container with; refuses a container not on the list. */
export function resolveInputDemuxer(source: string, container: string): string {
  const demuxer = demuxerOfContainer.get(container);
  if (!demuxer) throw refusedContainer(source, container);
  return demuxer;
}

/** Input arguments pinning a decode to the demuxer the probe found, placed before `-i`. */
export function pinnedInputArgs(source: string, container: string): string[] {
  return [...safeInputArgs, '-f', resolveInputDemuxer(source, container)];
}
