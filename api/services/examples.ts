/** The example library's rows: trainers tag spans of calls; everyone can list and listen. */
import { randomUUID } from 'node:crypto';
import { CallqaError } from '../../core/errors.ts';
import { callNotFound, exampleNotFound } from './not-found.ts';
import type { Example, ExampleRequest } from '../schemas/example.ts';
import { maxClipDurationS } from './media-formats.ts';
import { isoTimestampSql, type SerializedDb, type SqlRunner } from './serialized-db.ts';

export interface ExampleQuery {
  label?: Example['label'];
  guidance_ref?: Example['guidance_ref'];
  call_id?: string;
  limit: number;
}

const exampleSelect = `SELECT x.example_id, x.call_id, x.start_s, x.end_s, x.label, x.guidance_ref, x.note, x.created_by,
    ${isoTimestampSql('x.created_at')} AS created_at,
    coalesce((SELECT list({'party': u.party, 'start': u.start_s, 'end': u.end_s, 'text': u.text} ORDER BY u.start_s)
      FROM utterances u WHERE u.call_id = x.call_id AND u.end_s > x.start_s AND u.start_s < x.end_s), []) AS transcript
  FROM example_clips x`;

/** Examples matching the query, newest first. */
export async function listExamples(sql: SqlRunner, query: ExampleQuery): Promise<Example[]> {
  return sql.all<Example>(
    `${exampleSelect} WHERE ($label IS NULL OR x.label = $label) AND ($guidance_ref IS NULL OR x.guidance_ref = $guidance_ref)
       AND ($call_id IS NULL OR x.call_id = $call_id) ORDER BY x.created_at DESC, x.example_id LIMIT $limit`,
    { label: query.label ?? null, guidance_ref: query.guidance_ref ?? null, call_id: query.call_id ?? null, limit: query.limit },
  );
}

/** The example, or CQA_ERR_API_NOT_FOUND. */
export async function loadExample(sql: SqlRunner, exampleId: string): Promise<Example> {
  const [example] = await sql.all<Example>(`${exampleSelect} WHERE x.example_id = $1`, [exampleId]);
  if (!example) throw exampleNotFound(exampleId);
  return example;
}

function checkSpan(callId: string, durationS: number | null, request: ExampleRequest): void {
  const problem =
    request.end_s <= request.start_s ? 'ends before it starts'
    : durationS !== null && request.end_s > durationS + 0.05 ? `ends after the call (${durationS.toFixed(2)} s)`
    : request.end_s - request.start_s > maxClipDurationS ? `is longer than ${maxClipDurationS} s`
    : undefined;
  if (problem) {
    throw new CallqaError('CQA_ERR_API_UNPROCESSABLE', `span ${request.start_s}–${request.end_s} s of call ${callId} ${problem}; pick a span inside the call`);
  }
}

/** Tags a span of a call; the span must lie inside the call and be at most maxClipDurationS long. */
export async function addExample(db: SerializedDb, callId: string, createdBy: string, request: ExampleRequest): Promise<Example> {
  const exampleId = randomUUID();
  return db.transaction(async (sql) => {
    const [call] = await sql.all<{ duration_s: number | null }>('SELECT duration_s FROM calls WHERE call_id = $1', [callId]);
    if (!call) throw callNotFound(callId);
    checkSpan(callId, call.duration_s, request);
    await sql.run('INSERT INTO example_clips VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())', [
      exampleId, callId, request.start_s, request.end_s, request.label, request.guidance_ref, request.note, createdBy,
    ]);
    return loadExample(sql, exampleId);
  });
}

/** Removes an example; the call and its reviews are untouched. */
export async function removeExample(db: SerializedDb, exampleId: string): Promise<void> {
  const removed = await db.all<{ example_id: string }>('DELETE FROM example_clips WHERE example_id = $1 RETURNING example_id', [exampleId]);
  if (removed.length === 0) throw exampleNotFound(exampleId);
}
