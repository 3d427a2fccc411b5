/** An analysis job: one uploaded recording on its way into the database. */
import { Type, type Static } from '@sinclair/typebox';
import { CallId, Nullable, Timestamp, UserName, Uuid } from './common.ts';

export const jobStatuses = ['queued', 'running', 'ok', 'error', 'abandoned'] as const;

export const Job = Type.Object({
  job_id: Uuid,
  status: Type.Union(jobStatuses.map((status) => Type.Literal(status)), {
    description: 'abandoned: the server stopped while the job ran; upload the file again.',
  }),
  file_name: Type.String(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  size_bytes: Type.Number(),
  submitted_by: UserName,
  call_id: Nullable(CallId),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  log: Type.Array(Type.String(), { description: 'Progress lines of the analysis.' }),
  created_at: Timestamp,
  started_at: Nullable(Timestamp),
  finished_at: Nullable(Timestamp),
});
export type Job = Static<typeof Job>;

/** A job on the Redis queue set aside after using up its attempts or stalling too often. */
export const DeadLetter = Type.Object({
  jobId: Type.String(),
  queue: Type.Union([Type.Literal('analysis'), Type.Literal('results')], { description: 'analysis: never analysed; results: analysed, never stored.' }),
  source: Type.String({ description: "The recording's file name." }),
  reason: Type.String(),
  attempts: Type.Integer(),
  failedAt: Nullable(Timestamp),
});
