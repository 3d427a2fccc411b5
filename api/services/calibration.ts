/**
 * Calibration sessions. Evaluators answer blind: until an evaluator submits, the API gives them
 * the session's calls and transcripts only — the session's agreement (409), the calls' detail
 * and reviews (409), the call list, exports and their review queue (the calls are left out) are closed to them,
 * since each carries the machine's or a colleague's verdicts. Answers are submitted once, all
 * together, with the machine's verdict at that moment beside each.
 */
import { randomUUID } from 'node:crypto';
import { listValue } from '@duckdb/node-api';
import { CallqaError } from '../../core/errors.ts';
import { roleSets, type Role } from '../roles.ts';
import type { AgreementReport, CalibrationAnswer, CalibrationRequest, CalibrationSession, CalibrationView } from '../schemas/calibration.ts';
import { buildAgreementReport, buildMachineTrend, type DatedAnswer, type MachineTrendRow, type SubmittedAnswer } from './calibration-report.ts';
import { isoTimestampSql, type SerializedDb, type SqlRunner } from './serialized-db.ts';

/** Who may score in a session: the roles that run sampling and calibration. */
const evaluatorRoles: readonly Role[] = roleSets.samplers;

const sessionColumns = `s.session_id, s.name, s.call_ids, s.rule_ids, s.evaluators, s.created_by, ${isoTimestampSql('s.created_at')} AS created_at,
  coalesce((SELECT list(DISTINCT a.evaluator ORDER BY a.evaluator) FROM calibration_answers a WHERE a.session_id = s.session_id), []) AS submitted`;

const sessionNotFound = (sessionId: string) =>
  new CallqaError('CQA_ERR_API_NOT_FOUND', `calibration session ${sessionId} does not exist; GET /api/v1/calibrations lists them`);

async function findSession(sql: SqlRunner, sessionId: string): Promise<CalibrationSession> {
  const [session] = await sql.all<CalibrationSession>(`SELECT ${sessionColumns} FROM calibration_sessions s WHERE s.session_id = $1`, [sessionId]);
  if (!session) throw sessionNotFound(sessionId);
  return session;
}

/** SQL (over `alias`.call_id) that leaves out the calls `$blind_viewer` is calibrating and has not submitted. */
export function notBlindClause(alias = 'c'): string {
  return `${alias}.call_id NOT IN (SELECT unnest(s.call_ids) FROM calibration_sessions s
    WHERE list_contains(s.evaluators, $blind_viewer)
      AND NOT EXISTS (SELECT 1 FROM calibration_answers a WHERE a.session_id = s.session_id AND a.evaluator = $blind_viewer))`;
}

/** Refuses (409) what would show `userName` the verdicts on a call they are still calibrating blind. */
export async function ensureNotBlind(sql: SqlRunner, userName: string, callId: string): Promise<void> {
  const [open] = await sql.all<{ name: string; session_id: string }>(
    `SELECT s.name, s.session_id FROM calibration_sessions s WHERE list_contains(s.evaluators, $1) AND list_contains(s.call_ids, $2)
       AND NOT EXISTS (SELECT 1 FROM calibration_answers a WHERE a.session_id = s.session_id AND a.evaluator = $1) LIMIT 1`,
    [userName, callId],
  );
  if (open) {
    throw new CallqaError('CQA_ERR_API_CONFLICT',
      `call ${callId} is in calibration session "${open.name}" (${open.session_id}), which you score blind; its verdicts open once you submit your answers`);
  }
}

export async function createCalibration(db: SerializedDb, createdBy: string, request: CalibrationRequest): Promise<CalibrationSession> {
  const sessionId = randomUUID();
  return db.transaction(async (sql) => {
    const found = await sql.all<{ call_id: string }>('SELECT call_id FROM calls WHERE list_contains($1, call_id)', [listValue(request.call_ids)]);
    const missing = request.call_ids.filter((callId) => !found.some((row) => row.call_id === callId));
    if (missing.length) throw new CallqaError('CQA_ERR_API_UNPROCESSABLE', `calls ${missing.join(', ')} are not in the database; list calls to find their ids`);
    const users = await sql.all<{ user_name: string; role: string }>('SELECT user_name, role FROM users WHERE list_contains($1, user_name)', [listValue(request.evaluators)]);
    const unfit = request.evaluators.filter((name) => !users.some((user) => user.user_name === name && evaluatorRoles.includes(user.role as Role)));
    if (unfit.length) {
      throw new CallqaError('CQA_ERR_API_UNPROCESSABLE', `evaluators ${unfit.join(', ')} are not users with role ${evaluatorRoles.join(', ')}; add them first (callqa users add NAME --role qa)`);
    }
    const judged = (await sql.all<{ rule_id: string }>(
      'SELECT DISTINCT rule_id FROM rule_results WHERE list_contains($1, call_id) ORDER BY rule_id', [listValue(request.call_ids)],
    )).map((row) => row.rule_id);
    const ruleIds = request.rule_ids ?? judged;
    const unjudged = ruleIds.filter((ruleId) => !judged.includes(ruleId));
    if (unjudged.length || ruleIds.length === 0) {
      throw new CallqaError('CQA_ERR_API_UNPROCESSABLE', `rules ${unjudged.join(', ') || '(none)'} were not judged on these calls; pick from ${judged.join(', ') || 'rules the calls were judged on'}`);
    }
    await sql.run('INSERT INTO calibration_sessions VALUES ($1, $2, $3, $4, $5, $6, now())',
      [sessionId, request.name, listValue(request.call_ids), listValue(ruleIds), listValue(request.evaluators), createdBy]);
    return findSession(sql, sessionId);
  });
}

export async function listCalibrations(sql: SqlRunner): Promise<CalibrationSession[]> {
  return sql.all<CalibrationSession>(`SELECT ${sessionColumns} FROM calibration_sessions s ORDER BY s.created_at DESC, s.session_id`);
}

/** The session as its evaluators score it: calls and transcripts, and the viewer's own answers once submitted. */
export async function loadCalibrationView(db: SerializedDb, sessionId: string, viewer: string): Promise<CalibrationView> {
  return db.read(async (sql) => {
    const session = await findSession(sql, sessionId);
    const calls = await sql.all<Omit<CalibrationView['calls'][number], 'utterances'> & { utterances: string }>(
      `SELECT c.call_id, c.file_name, c.language, c.duration_s,
         coalesce((SELECT list({'party': u.party, 'start': u.start_s, 'end': u.end_s, 'text': u.text} ORDER BY u.utterance_idx)
                   FROM utterances u WHERE u.call_id = c.call_id), [])::JSON::VARCHAR AS utterances
       FROM calls c WHERE list_contains($1, c.call_id) ORDER BY list_position($1, c.call_id)`,
      [listValue(session.call_ids)],
    );
    const mine = await sql.all<CalibrationAnswer>(
      'SELECT call_id, rule_id, status FROM calibration_answers WHERE session_id = $1 AND evaluator = $2 ORDER BY call_id, rule_id', [sessionId, viewer],
    );
    return {
      session,
      calls: calls.map((call) => ({ ...call, utterances: JSON.parse(call.utterances) as CalibrationView['calls'][number]['utterances'] })),
      my_answers: mine.length ? mine : null,
    };
  });
}

/** Stores an evaluator's answers: once, and exactly one per call and rule of the session. */
export async function submitCalibration(db: SerializedDb, sessionId: string, evaluator: string, answers: readonly CalibrationAnswer[]): Promise<CalibrationSession> {
  return db.transaction(async (sql) => {
    const session = await findSession(sql, sessionId);
    if (!session.evaluators.includes(evaluator)) {
      throw new CallqaError('CQA_ERR_API_FORBIDDEN', `user ${evaluator} is not an evaluator of calibration session ${sessionId}; its evaluators are ${session.evaluators.join(', ')}`);
    }
    if (session.submitted.includes(evaluator)) throw new CallqaError('CQA_ERR_API_CONFLICT', `${evaluator} has already submitted answers to calibration session ${sessionId}; answers are final`);
    const expected = new Set(session.call_ids.flatMap((callId) => session.rule_ids.map((ruleId) => `${callId} ${ruleId}`)));
    const given = new Set(answers.map((answer) => `${answer.call_id} ${answer.rule_id}`));
    const extra = [...given].filter((key) => !expected.has(key));
    const absent = [...expected].filter((key) => !given.has(key));
    if (extra.length || absent.length || given.size !== answers.length) {
      throw new CallqaError('CQA_ERR_API_UNPROCESSABLE',
        `answers must give one verdict for each of the session's ${expected.size} call × rule items; ${absent.length} missing${absent.length ? ` (${absent.slice(0, 3).join(', ')}…)` : ''}, ${extra.length} not in the session, ${answers.length - given.size} repeated`);
    }
    await sql.run(
      `INSERT INTO calibration_answers
       SELECT $1, $2, a.call_id, a.rule_id, a.status, r.status, now()
       FROM (SELECT unnest(from_json($3::JSON, '[{"call_id":"VARCHAR","rule_id":"VARCHAR","status":"VARCHAR"}]'), recursive := true)) a
       LEFT JOIN rule_results r ON r.call_id = a.call_id AND r.rule_id = a.rule_id`,
      [sessionId, evaluator, JSON.stringify(answers)],
    );
    return findSession(sql, sessionId);
  });
}

/**
 * The machine against the consensus per month, rule and language over all sessions, leaving
 * out the sessions the viewer still scores blind.
 */
export async function loadMachineTrend(sql: SqlRunner, viewer: string): Promise<MachineTrendRow[]> {
  const answers = await sql.all<DatedAnswer>(
    `SELECT a.session_id, a.evaluator, a.call_id, a.rule_id, a.status, a.machine_status, c.language, strftime(a.submitted_at AT TIME ZONE 'UTC', '%Y-%m') AS month
     FROM calibration_answers a JOIN calibration_sessions s USING (session_id) LEFT JOIN calls c USING (call_id)
     WHERE NOT (list_contains(s.evaluators, $1) AND NOT EXISTS (SELECT 1 FROM calibration_answers m WHERE m.session_id = s.session_id AND m.evaluator = $1))`,
    [viewer],
  );
  return buildMachineTrend(answers);
}

/** The agreement report; refused (409) to an evaluator who has not submitted. */
export async function loadAgreement(db: SerializedDb, sessionId: string, viewer: string): Promise<AgreementReport> {
  return db.read(async (sql) => {
    const session = await findSession(sql, sessionId);
    if (session.evaluators.includes(viewer) && !session.submitted.includes(viewer)) {
      throw new CallqaError('CQA_ERR_API_CONFLICT', `you score calibration session "${session.name}" blind; its agreement opens once you submit your answers`);
    }
    const answers = await sql.all<SubmittedAnswer>(
      'SELECT evaluator, call_id, rule_id, status, machine_status FROM calibration_answers WHERE session_id = $1', [sessionId],
    );
    const languages = await sql.all<{ call_id: string; language: string | null }>('SELECT call_id, language FROM calls WHERE list_contains($1, call_id)', [listValue(session.call_ids)]);
    return buildAgreementReport({
      sessionId, callIds: session.call_ids, ruleIds: session.rule_ids, evaluators: session.evaluators, answers,
      languages: new Map(languages.map((row) => [row.call_id, row.language])),
    });
  });
}
