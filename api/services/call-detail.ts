/** A call's detail, read in one turn of the database lock so it is consistent. */
import { CallqaError } from '../../core/errors.ts';
import { withoutAgentSentiment } from '../../pipeline/result/without-agent-sentiment.ts';
import type { CallDetail } from '../schemas/call-detail.ts';
import type { RecordingRef } from './recording-files.ts';
import type { CallVisibility } from './call-visibility.ts';
import { ensureNotBlind } from './calibration.ts';
import { callNotFound } from './not-found.ts';
import { listReviews } from './reviews.ts';
import { isoTimestampSql, type SerializedDb } from './serialized-db.ts';

type CallRow = CallDetail['call'] & { result_json: string; effective_score: number | null; score_review_id: string | null };

/**
 * The call, or CQA_ERR_API_NOT_FOUND (also for another agent's call when the visibility names
 * an agent), or CQA_ERR_API_CONFLICT while the viewer calibrates it blind; with `agentSentiment` false, stripped of agent sentiment however it was analysed.
 */
export async function loadCallDetail(db: SerializedDb, callId: string, { agentSentiment }: { agentSentiment: boolean }, visibility: CallVisibility): Promise<CallDetail> {
  return db.read(async (sql) => {
    const [row] = await sql.all<CallRow>(
      `SELECT call_id, sha256, source, file_name, channel, size_bytes::DOUBLE AS size_bytes, duration_s, language, agent_id,
        strftime(started_at, '%Y-%m-%dT%H:%M:%S') AS started_at, queue, direction, ${isoTimestampSql('first_analysed_at')} AS first_analysed_at, ${isoTimestampSql('analysed_at')} AS analysed_at,
        last_run_id, result_json::VARCHAR AS result_json, effective_score, score_review_id
       FROM effective_calls WHERE call_id = $1 AND ($2::VARCHAR IS NULL OR agent_id = $2)`,
      [callId, visibility.agentId],
    );
    if (!row) throw callNotFound(callId);
    if (visibility.viewer !== null) await ensureNotBlind(sql, visibility.viewer, callId);
    const rules = await sql.all<CallDetail['effective']['rules'][number]>(
      `SELECT rule_id, effective_status AS status, status AS machine_status, review_id
       FROM effective_rule_results WHERE call_id = $1 ORDER BY rule_id`,
      [callId],
    );
    const scoreHistory = await sql.all<CallDetail['score_history'][number]>(
      `SELECT score, source, run_id, review_id, ${isoTimestampSql('created_at')} AS created_at
       FROM score_history WHERE call_id = $1 ORDER BY created_at`,
      [callId],
    );
    const { result_json, effective_score, score_review_id, ...call } = row;
    const result = JSON.parse(result_json) as CallDetail['result'];
    return {
      call,
      result: agentSentiment ? result : withoutAgentSentiment(result),
      effective: { score: effective_score, score_review_id, rules },
      score_history: scoreHistory,
      reviews: await listReviews(sql, callId),
    };
  });
}

/** A call's identity and where its recording was analysed from; CQA_ERR_API_NOT_FOUND if unknown or outside the agent `scope`. */
export async function loadCallRef(db: SerializedDb, callId: string, scope: string | null = null): Promise<RecordingRef & { channel: string }> {
  const [row] = await db.all<RecordingRef & { channel: string }>('SELECT call_id, sha256, source, channel FROM calls WHERE call_id = $1 AND ($2::VARCHAR IS NULL OR agent_id = $2)', [callId, scope]);
  if (!row) throw callNotFound(callId);
  return row;
}

/** A recorded call, for what is cut from its audio; a chat or e-mail conversation has none (CQA_ERR_API_UNPROCESSABLE). */
export async function loadRecordingRef(db: SerializedDb, callId: string, scope: string | null = null): Promise<RecordingRef> {
  const { channel, ...ref } = await loadCallRef(db, callId, scope);
  if (channel !== 'voice') {
    throw new CallqaError('CQA_ERR_API_UNPROCESSABLE', `call ${callId} is a ${channel === 'email' ? 'e-mail' : channel} conversation: it has no audio; its messages are the utterances of GET /api/v1/calls/${callId}`);
  }
  return ref;
}
