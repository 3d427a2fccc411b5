/**
 * A job as its uploader sees it: the analysis logs and errors name files by absolute server
 * path (`/srv/callqa/data/uploads/<sha256>/call.wav`, the models folder), which tells a client
 * how the server is laid out and nothing it needs. Every absolute path keeps its last
 * segment: the uploaded file's own name, or the folder's name.
 */
import type { DeadLetter } from '../../queue/queue-report.ts';
import type { Job } from '../schemas/job.ts';

/** The folders of an absolute path at the start of a line, after a space, quote, bracket or `=`. */
const absoluteFolders = /(?<=^|[\s"'`(=])\/(?:[^/\s"'`()]+\/)+/g;

export function withoutServerPaths(text: string): string {
  return text.replace(absoluteFolders, '');
}

export function toPublicJob(job: Job): Job {
  return {
    ...job,
    log: job.log.map(withoutServerPaths),
    error: job.error === null ? null : { ...job.error, message: withoutServerPaths(job.error.message) },
  };
}

export function toPublicDeadLetter(letter: DeadLetter): DeadLetter {
  return { ...letter, source: withoutServerPaths(letter.source), reason: withoutServerPaths(letter.reason) };
}
