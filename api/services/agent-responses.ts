/**
 * Agents' responses to their evaluations. An agent acknowledges a call's evaluation, or disputes
 * a rule's verdict or the score within the dispute window (counted from the evaluation: the
 * call's analysis or its newest review). A reviewer resolves a dispute: upheld, or changed,
 * which records an ordinary review, so the change is in the call's audit trail like any other.
 * Rows are never updated except to resolve an open dispute, and never deleted but with the call.
 */
import { randomUUID } from 'node:crypto';
import { CallqaError } from '../../core/errors.ts';
import type { AgentResponse, DisputeRequest, ResolutionRequest } from '../schemas/agent-response.ts';
import { callNotFound } from './not-found.ts';
import { recordReview } from './reviews.ts';
import { isoTimestampSql, type SerializedDb, type SqlRunner } from './serialized-db.ts';
import type { Principal } from './tokens.ts';

const responseColumns = `response_id, call_id, agent_id, user_name, kind, rule_id, comment, ${isoTimestampSql('created_at')} AS created_at,
  CASE WHEN kind = 'acknowledge' THEN 'acknowledged' ELSE coalesce(outcome, 'open') END AS status,
  resolution_comment, resolved_by, ${isoTimestampSql('resolved_at')} AS resolved_at, review_id`;

async function findResponse(sql: SqlRunner, responseId: string): Promise<AgentResponse | undefined> {
  const [row] = await sql.all<AgentResponse>(`SELECT ${responseColumns} FROM agent_responses WHERE response_id = $1`, [responseId]);
  return row;
}

/** The agent's own call and when its evaluation last changed; another agent's call is not found. */
async function findOwnCall(sql: SqlRunner, callId: string, agentId: string): Promise<{ evaluated_at_ms: number }> {
  const [call] = await sql.all<{ evaluated_at_ms: number }>(
    `SELECT epoch_ms(greatest(c.analysed_at, coalesce((SELECT max(r.created_at) FROM reviews r WHERE r.call_id = c.call_id), c.analysed_at)))::DOUBLE AS evaluated_at_ms
     FROM calls c WHERE c.call_id = $1 AND c.agent_id = $2`,
    [callId, agentId],
  );
  if (!call) throw callNotFound(callId);
  return call;
}

function requireAgent(principal: Principal): string {
  if (principal.role !== 'agent' || principal.agentId === null) {
    throw new CallqaError('CQA_ERR_API_FORBIDDEN', `user ${principal.userName} (role ${principal.role}) is no agent; only a call's agent responds to its evaluation`);
  }
  return principal.agentId;
}

export async function acknowledgeEvaluation(db: SerializedDb, callId: string, principal: Principal, comment: string | null): Promise<AgentResponse> {
  const agentId = requireAgent(principal);
  const responseId = randomUUID();
  return db.transaction(async (sql) => {
    await findOwnCall(sql, callId, agentId);
    await sql.run("INSERT INTO agent_responses (response_id, call_id, agent_id, user_name, kind, comment, created_at) VALUES ($1, $2, $3, $4, 'acknowledge', $5, now())",
      [responseId, callId, agentId, principal.userName, comment]);
    return (await findResponse(sql, responseId))!;
  });
}

export async function disputeEvaluation(
  db: SerializedDb, callId: string, principal: Principal, request: DisputeRequest, window: { days: number; nowMs: number },
): Promise<AgentResponse> {
  const agentId = requireAgent(principal);
  const responseId = randomUUID();
  return db.transaction(async (sql) => {
    const { evaluated_at_ms } = await findOwnCall(sql, callId, agentId);
    const closesAt = evaluated_at_ms + window.days * 86_400_000;
    if (window.nowMs >= closesAt) {
      throw new CallqaError('CQA_ERR_API_CONFLICT', window.days === 0
        ? 'disputes are turned off on this server (disputeWindowDays 0); talk to your supervisor'
        : `the dispute window of call ${callId} closed at ${new Date(closesAt).toISOString()} (${window.days} days after its evaluation); talk to your supervisor`);
    }
    const ruleId = request.rule_id ?? null;
    if (ruleId !== null) {
      const [rule] = await sql.all('SELECT 1 FROM rule_results WHERE call_id = $1 AND rule_id = $2', [callId, ruleId]);
      if (!rule) throw new CallqaError('CQA_ERR_API_UNPROCESSABLE', `call ${callId} has no result for rule ${ruleId}; dispute one of the rules its evaluation lists`);
    }
    const [open] = await sql.all<{ response_id: string }>(
      "SELECT response_id FROM agent_responses WHERE call_id = $1 AND kind = 'dispute' AND outcome IS NULL AND rule_id IS NOT DISTINCT FROM $2", [callId, ruleId],
    );
    if (open) throw new CallqaError('CQA_ERR_API_CONFLICT', `dispute ${open.response_id} of the same ${ruleId === null ? 'score' : `rule ${ruleId}`} is still open; wait for its outcome`);
    await sql.run("INSERT INTO agent_responses (response_id, call_id, agent_id, user_name, kind, rule_id, comment, created_at) VALUES ($1, $2, $3, $4, 'dispute', $5, $6, now())",
      [responseId, callId, agentId, principal.userName, ruleId, request.comment]);
    return (await findResponse(sql, responseId))!;
  });
}

export interface ResponseFilters {
  status: AgentResponse['status'] | 'all';
  call?: string;
}

/** Responses, newest first: an agent's own only, everyone's for reviewers. */
export async function listAgentResponses(sql: SqlRunner, agentScope: string | null, filters: ResponseFilters): Promise<AgentResponse[]> {
  return sql.all<AgentResponse>(
    `SELECT * FROM (SELECT ${responseColumns} FROM agent_responses)
     WHERE ($1::VARCHAR IS NULL OR agent_id = $1) AND ($2 = 'all' OR status = $2) AND ($3::VARCHAR IS NULL OR call_id = $3)
     ORDER BY created_at DESC, response_id`,
    [agentScope, filters.status, filters.call ?? null],
  );
}

/** Resolves an open dispute; a changed result is recorded as a review of the disputed rule or score. */
export async function resolveDispute(db: SerializedDb, responseId: string, reviewer: Principal, request: ResolutionRequest): Promise<AgentResponse> {
  return db.transaction(async (sql) => {
    const dispute = await findResponse(sql, responseId);
    if (!dispute || dispute.kind !== 'dispute') {
      throw new CallqaError('CQA_ERR_API_NOT_FOUND', `dispute ${responseId} does not exist; GET /api/v1/agent-responses?status=open lists the open ones`);
    }
    if (dispute.status !== 'open') throw new CallqaError('CQA_ERR_API_CONFLICT', `dispute ${responseId} was already resolved (${dispute.status}) by ${dispute.resolved_by}`);
    let reviewId: string | null = null;
    if (request.outcome === 'changed') {
      const comment = `dispute ${responseId}: ${request.comment}`;
      if (dispute.rule_id !== null && 'status' in request) {
        reviewId = (await recordReview(sql, dispute.call_id, reviewer, { target: 'rule', rule_id: dispute.rule_id, status: request.status, comment })).review_id;
      } else if (dispute.rule_id === null && 'score' in request) {
        reviewId = (await recordReview(sql, dispute.call_id, reviewer, { target: 'score', score: request.score, comment })).review_id;
      } else {
        throw new CallqaError('CQA_ERR_API_UNPROCESSABLE', dispute.rule_id === null
          ? `dispute ${responseId} is of the score; a change gives the new "score"`
          : `dispute ${responseId} is of rule ${dispute.rule_id}; a change gives its new "status"`);
      }
    }
    await sql.run('UPDATE agent_responses SET outcome = $2, resolution_comment = $3, resolved_by = $4, review_id = $5, resolved_at = now() WHERE response_id = $1',
      [responseId, request.outcome, request.comment, reviewer.userName, reviewId]);
    return (await findResponse(sql, responseId))!;
  });
}
