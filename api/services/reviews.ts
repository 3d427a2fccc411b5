/**
 * Reviews overlay the machine's results; they never change them. A review row keeps who, when,
 * the effective value before and the value after; a score override also appends to
 * `score_history`. Re-analysis replaces machine rows only (saveCall), so reviews survive it.
 */
import { randomUUID } from 'node:crypto';
import { CallqaError } from '../../core/errors.ts';
import type { RuleResult } from '../../pipeline/result/call-result.ts';
import { callNotFound } from './not-found.ts';
import type { Review, ReviewRequest } from '../schemas/review.ts';
import { isoTimestampSql, type SerializedDb, type SqlRunner } from './serialized-db.ts';
import type { Principal } from './tokens.ts';

interface ReviewRow extends Omit<Review, 'before' | 'after'> {
  before_value: string | null;
  after_value: string;
}

const reviewColumns = `review_id, call_id, target, rule_id, before_value::VARCHAR AS before_value,
  after_value::VARCHAR AS after_value, comment, reviewer, token_issued_by, ${isoTimestampSql('created_at')} AS created_at`;

function toReview({ before_value, after_value, ...row }: ReviewRow): Review {
  return { ...row, before: before_value === null ? null : JSON.parse(before_value), after: JSON.parse(after_value) } as Review;
}

/** A call's reviews, oldest first. */
export async function listReviews(sql: SqlRunner, callId: string): Promise<Review[]> {
  const rows = await sql.all<ReviewRow>(`SELECT ${reviewColumns} FROM reviews WHERE call_id = $1 ORDER BY created_at, review_id`, [callId]);
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
  const reviewId = randomUUID();
  const after = request.target === 'score' ? { score: request.score } : { status: request.status };
  return db.transaction(async (sql) => {
    const before = await findBefore(sql, callId, request);
    await sql.run(
      `INSERT INTO reviews (review_id, call_id, target, rule_id, before_value, after_value, comment, reviewer, token_issued_by, created_at)
       VALUES ($1, $2, $3, $4, $5::JSON, $6::JSON, $7, $8, $9, now())`,
      [reviewId, callId, request.target, request.target === 'rule' ? request.rule_id : null, JSON.stringify(before),
        JSON.stringify(after), request.comment, reviewer.userName, reviewer.tokenIssuedBy],
    );
    if (request.target === 'score') {
      await sql.run("INSERT INTO score_history VALUES ($1, NULL, $2, $3, 'review', now())", [callId, reviewId, request.score]);
    }
    const [review] = await sql.all<ReviewRow>(`SELECT ${reviewColumns} FROM reviews WHERE review_id = $1`, [reviewId]);
    return toReview(review!);
  });
}
