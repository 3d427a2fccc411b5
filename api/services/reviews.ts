/**
 * Reviews overlay the machine's results; they never change them. A review row keeps who, when,
 * the effective value before and the value after; a score override also appends to
 * `score_history`. A review made by the assignee of an open queue item for the call completes
 * it and says how the call was selected. Re-analysis replaces machine rows only (saveCall), so reviews survive it.
 */
import { randomUUID } from 'node:crypto';
import { CallqaError } from '../../core/errors.ts';
import type { RuleResult } from '../../pipeline/result/call-result.ts';
import { callNotFound } from './not-found.ts';
import type { Review, ReviewRequest } from '../schemas/review.ts';
import { isoTimestampSql, type SerializedDb, type SqlRunner } from './serialized-db.ts';
import { ensureNotBlind } from './calibration.ts';
import { completeQueueItem } from './sampling.ts';
import type { Principal } from './tokens.ts';

interface ReviewRow extends Omit<Review, 'before' | 'after' | 'selection'> {
  before_value: string | null;
  after_value: string;
  selection: string | null;
}

const reviewColumns = `r.review_id, r.call_id, r.target, r.rule_id, r.before_value::VARCHAR AS before_value,
  r.after_value::VARCHAR AS after_value, r.comment, r.reviewer, r.token_issued_by, ${isoTimestampSql('r.created_at')} AS created_at,
  q.selection::VARCHAR AS selection`;
const reviewsTable = 'reviews r LEFT JOIN review_queue q ON q.item_id = r.queue_item_id';

function toReview({ before_value, after_value, selection, ...row }: ReviewRow): Review {
  return {
    ...row, before: before_value === null ? null : JSON.parse(before_value), after: JSON.parse(after_value),
    selection: selection === null ? null : JSON.parse(selection),
  } as Review;
}

/** A call's reviews, oldest first. */
export async function listReviews(sql: SqlRunner, callId: string): Promise<Review[]> {
  const rows = await sql.all<ReviewRow>(`SELECT ${reviewColumns} FROM ${reviewsTable} WHERE r.call_id = $1 ORDER BY r.created_at, r.review_id`, [callId]);
  return rows.map(toReview);
}

async function findBefore(sql: SqlRunner, callId: string, request: ReviewRequest): Promise<Review['before']> {
  const [call] = await sql.all<{ score: number | null }>('SELECT effective_score AS score FROM effective_calls WHERE call_id = $1', [callId]);
  if (!call) throw callNotFound(callId);
  if (request.target === 'score') return { score: call.score };
  const [rule] = await sql.all<{ status: RuleResult['status'] }>(
    'SELECT effective_status AS status FROM effective_rule_results WHERE call_id = $1 AND rule_id = $2', [callId, request.rule_id],
  );
  if (!rule) {
    throw new CallqaError('CQA_ERR_API_UNPROCESSABLE', `call ${callId} has no result for rule ${request.rule_id}; review one of the rules its detail lists`);
  }
  return { status: rule.status };
}

/**
 * Records a review in one transaction and returns it. The reviewer is the token's user; when
 * another user minted that token, they are recorded beside it (see services/tokens.ts).
 */
export async function addReview(db: SerializedDb, callId: string, reviewer: Pick<Principal, 'userName' | 'tokenIssuedBy'>, request: ReviewRequest): Promise<Review> {
  return db.transaction((sql) => recordReview(sql, callId, reviewer, request));
}

/** Records a review within the caller's transaction (a dispute's resolution records one with its own rows). */
export async function recordReview(sql: SqlRunner, callId: string, reviewer: Pick<Principal, 'userName' | 'tokenIssuedBy'>, request: ReviewRequest): Promise<Review> {
  // A review answers with the verdict it replaces: an evaluator scoring the call blind must not see it.
  await ensureNotBlind(sql, reviewer.userName, callId);
  const reviewId = randomUUID();
  const after = request.target === 'score' ? { score: request.score } : { status: request.status };
  const before = await findBefore(sql, callId, request);
  const queueItemId = await completeQueueItem(sql, callId, reviewer.userName);
  await sql.run(
    `INSERT INTO reviews (review_id, call_id, target, rule_id, before_value, after_value, comment, reviewer, token_issued_by, created_at, queue_item_id)
     VALUES ($1, $2, $3, $4, $5::JSON, $6::JSON, $7, $8, $9, now(), $10)`,
    [reviewId, callId, request.target, request.target === 'rule' ? request.rule_id : null, JSON.stringify(before),
      JSON.stringify(after), request.comment, reviewer.userName, reviewer.tokenIssuedBy, queueItemId],
  );
  if (request.target === 'score') {
    await sql.run("INSERT INTO score_history VALUES ($1, NULL, $2, $3, 'review', now())", [callId, reviewId, request.score]);
  }
  const [review] = await sql.all<ReviewRow>(`SELECT ${reviewColumns} FROM ${reviewsTable} WHERE r.review_id = $1`, [reviewId]);
  return toReview(review!);
}
