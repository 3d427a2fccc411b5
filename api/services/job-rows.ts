/** The `jobs` table: where job status lives between and across server runs. */
import type { Job } from '../schemas/job.ts';
import { isoTimestampSql, type SerializedDb } from './serialized-db.ts';

/** What an upload's analysis needs: the stored bytes and what the uploader said about the call. */
export interface JobAnalysis {
  storedPath: string;
  agentChannel: 0 | 1;
  /** The agent the uploader named; the pipeline does not identify agents itself. */
  agentId: string | null;
}

export interface JobSubmission extends JobAnalysis {
  fileName: string;
  sha256: string;
  sizeBytes: number;
  submittedBy: string;
}

export type JobOutcome =
  | { status: 'ok'; runId: string; callId: string }
  | { status: 'error'; runId: string | null; error: { code: string; message: string } };

interface JobRow extends Omit<Job, 'error' | 'log'> {
  error_code: string | null;
  error_message: string | null;
  log_json: string | null;
}

const jobColumns = `job_id, status, file_name, sha256, size_bytes::DOUBLE AS size_bytes, submitted_by, call_id, error_code,
  error_message, log::VARCHAR AS log_json, ${isoTimestampSql('created_at')} AS created_at,
  ${isoTimestampSql('started_at')} AS started_at, ${isoTimestampSql('finished_at')} AS finished_at`;

function toJob({ error_code, error_message, log_json, ...row }: JobRow, liveLog: readonly string[]): Job {
  const log = log_json === null ? [...liveLog] : (JSON.parse(log_json) as string[]);
  return { ...row, error: error_code === null ? null : { code: error_code, message: error_message ?? '' }, log };
}

/** Records a submitted job as queued. */
export async function insertJob(db: SerializedDb, jobId: string, submission: JobSubmission): Promise<void> {
  await db.run(
    `INSERT INTO jobs (job_id, status, file_name, stored_path, sha256, size_bytes, options, submitted_by, created_at)
     VALUES ($1, 'queued', $2, $3, $4, $5, $6::JSON, $7, now())`,
    [jobId, submission.fileName, submission.storedPath, submission.sha256, submission.sizeBytes,
      JSON.stringify({ agentChannel: submission.agentChannel, agentId: submission.agentId }), submission.submittedBy],
  );
}

/** A job as the API shows it; `liveLog` supplies the lines of a job still running. */
export async function findJob(db: SerializedDb, jobId: string, liveLog: readonly string[]): Promise<Job | undefined> {
  const [row] = await db.all<JobRow>(`SELECT ${jobColumns} FROM jobs WHERE job_id = $1`, [jobId]);
  return row && toJob(row, liveLog);
}

/** Jobs still waiting, oldest first: what a restarted server resumes. */
export async function listQueuedJobs(db: SerializedDb): Promise<{ jobId: string }[]> {
  return db.all<{ jobId: string }>(`SELECT job_id AS "jobId" FROM jobs WHERE status = 'queued' ORDER BY created_at`);
}

/** Marks a job running and returns what its analysis needs. */
export async function markJobRunning(db: SerializedDb, jobId: string): Promise<JobAnalysis> {
  const [row] = await db.all<{ storedPath: string; options: string }>(
    `UPDATE jobs SET status = 'running', started_at = now() WHERE job_id = $1
     RETURNING stored_path AS "storedPath", options::VARCHAR AS options`,
    [jobId],
  );
  const options = JSON.parse(row!.options) as { agentChannel: 0 | 1; agentId: string | null };
  return { storedPath: row!.storedPath, agentChannel: options.agentChannel, agentId: options.agentId };
}

/** Records how a job ended and its progress lines. */
export async function markJobFinished(
  db: SerializedDb, jobId: string, outcome: JobOutcome, log: readonly string[],
): Promise<void> {
  await db.run(
    `UPDATE jobs SET status = $2, finished_at = now(), run_id = $3, call_id = $4, error_code = $5, error_message = $6, log = $7::JSON
     WHERE job_id = $1`,
    [jobId, outcome.status, outcome.runId, outcome.status === 'ok' ? outcome.callId : null,
      outcome.status === 'error' ? outcome.error.code : null, outcome.status === 'error' ? outcome.error.message : null, JSON.stringify(log)],
  );
}
