/**
 * Review sampling. A policy's filters select calls in a window; the calls are grouped per agent
 * and per period, ordered within each group by sha256(seed:call_id), and the first N (or the
 * percentage, rounded up) are queued for the policy's assignee. The order depends on nothing
 * but the seed and the call ids, so a run over the same calls picks the same ones, and each
 * queue item keeps the rank and group size that explain its pick.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { DuckDBValue } from '@duckdb/node-api';
import { CallqaError } from '../../core/errors.ts';
import type {
  QueueItem, SamplingFilters, SamplingPolicy, SamplingPolicyRequest, SamplingRun, Selection,
} from '../schemas/sampling.ts';
import { notBlindClause } from './calibration.ts';
import { buildFilterSql, callDateSql } from './call-filter-sql.ts';
import { isoTimestampSql, type SerializedDb, type SqlRunner } from './serialized-db.ts';

export interface SamplingCandidate {
  call_id: string;
  agent_id: string | null;
  period_start: string;
}

export interface SampledCall extends SamplingCandidate {
  rank: number;
  of: number;
}

const seededKey = (seed: number, callId: string) => createHash('sha256').update(`${seed}:${callId}`).digest('hex');

function quotaOf(pick: SamplingPolicy['pick'], groupSize: number): number {
  if (pick.kind === 'all') return groupSize;
  if (pick.kind === 'count') return Math.min(pick.per_agent, groupSize);
  return Math.ceil((groupSize * pick.per_agent) / 100);
}

/** The calls a pick takes from the candidates: per agent and period, the first by seeded order. */
export function pickSample(candidates: readonly SamplingCandidate[], pick: SamplingPolicy['pick'], seed: number): SampledCall[] {
  const groups = new Map<string, SamplingCandidate[]>();
  for (const candidate of candidates) {
    const key = JSON.stringify([candidate.agent_id, candidate.period_start]);
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  return [...groups.values()].flatMap((group) => {
    const ordered = group.map((candidate) => ({ candidate, key: seededKey(seed, candidate.call_id) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return ordered.slice(0, quotaOf(pick, group.length)).map(({ candidate }, index) => ({ ...candidate, rank: index + 1, of: group.length }));
  });
}

/** The pick in words, as a queue item shows it. */
export function describePick(pick: SamplingPolicy['pick'], period: SamplingPolicy['period']): string {
  if (pick.kind === 'all') return `every matching call`;
  if (pick.kind === 'count') return `${pick.per_agent} call${pick.per_agent === 1 ? '' : 's'} per agent per ${period}`;
  return `${pick.per_agent}% of calls per agent per ${period}`;
}

const policyColumns = `policy_id, name, assignee, definition::VARCHAR AS definition, seed::INTEGER AS seed, created_by, ${isoTimestampSql('created_at')} AS created_at`;

interface PolicyRow extends Omit<SamplingPolicy, 'pick' | 'period' | 'filters'> {
  definition: string;
}

function toPolicy({ definition, ...row }: PolicyRow): SamplingPolicy {
  return { ...row, ...(JSON.parse(definition) as Pick<SamplingPolicy, 'pick' | 'period' | 'filters'>) };
}

/** Stores a policy; its assignee must be a user who may review (qa or admin). */
export async function createSamplingPolicy(db: SerializedDb, createdBy: string, request: SamplingPolicyRequest): Promise<SamplingPolicy> {
  const policyId = randomUUID();
  const seed = request.seed ?? randomInt(2 ** 31 - 1);
  const definition = { pick: request.pick, period: request.period, filters: request.filters ?? {} };
  return db.transaction(async (sql) => {
    const [assignee] = await sql.all<{ role: string }>('SELECT role FROM users WHERE user_name = $1', [request.assignee]);
    if (!assignee || !['qa', 'admin'].includes(assignee.role)) {
      throw new CallqaError('CQA_ERR_API_UNPROCESSABLE', `assignee ${request.assignee} is not a user with role qa or admin; name a QA specialist (callqa users add NAME --role qa)`);
    }
    await sql.run('INSERT INTO sampling_policies VALUES ($1, $2, $3, $4::JSON, $5, $6, now())',
      [policyId, request.name, request.assignee, JSON.stringify(definition), seed, createdBy]);
    const [row] = await sql.all<PolicyRow>(`SELECT ${policyColumns} FROM sampling_policies WHERE policy_id = $1`, [policyId]);
    return toPolicy(row!);
  });
}

export async function listSamplingPolicies(sql: SqlRunner): Promise<SamplingPolicy[]> {
  return (await sql.all<PolicyRow>(`SELECT ${policyColumns} FROM sampling_policies ORDER BY created_at, policy_id`)).map(toPolicy);
}

const periodParts: Readonly<Record<SamplingPolicy['period'], string>> = { day: "'day'", week: "'week'", month: "'month'" };

/** Clauses for the filters the call list does not have; values go in as parameters. */
function samplingOnlyClauses(filters: SamplingFilters): { clauses: string[]; params: Record<string, DuckDBValue> } {
  const clauses: string[] = [];
  const params: Record<string, DuckDBValue> = {};
  if (filters.min_duration_s !== undefined) {
    clauses.push('c.duration_s >= $min_duration_s');
    params.min_duration_s = filters.min_duration_s;
  }
  if (filters.max_duration_s !== undefined) {
    clauses.push('c.duration_s <= $max_duration_s');
    params.max_duration_s = filters.max_duration_s;
  }
  if (filters.critical_failure) {
    clauses.push("c.call_id IN (SELECT r.call_id FROM effective_rule_results r WHERE r.severity = 'critical' AND r.effective_status = 'fail')");
  }
  return { clauses, params };
}

async function findCandidates(sql: SqlRunner, policy: SamplingPolicy, window: { from: string; to: string }): Promise<SamplingCandidate[]> {
  const { min_duration_s: _min, max_duration_s: _max, critical_failure: _critical, ...listFilters } = policy.filters;
  const extra = samplingOnlyClauses(policy.filters);
  const { where, params } = buildFilterSql({ ...listFilters, ...window }, extra.clauses, extra.params);
  return sql.all<SamplingCandidate>(
    `SELECT c.call_id, c.agent_id,
            strftime(date_trunc(${periodParts[policy.period]}, ${callDateSql} AT TIME ZONE 'UTC'), '%Y-%m-%dT%H:%M:%SZ') AS period_start
     FROM effective_calls c ${where}`,
    params,
  );
}

export const queueItemColumns = `q.item_id, q.call_id, q.assignee, q.status, ${isoTimestampSql('q.created_at')} AS created_at,
  ${isoTimestampSql('q.done_at')} AS done_at, q.selection::VARCHAR AS selection, c.file_name, c.agent_id, c.language, c.effective_score AS score`;

type QueueItemRow = Omit<QueueItem, 'selection'> & { selection: string };
const toQueueItem = ({ selection, ...row }: QueueItemRow): QueueItem => ({ ...row, selection: JSON.parse(selection) as Selection });

/** Runs a policy over the calls that took place in the window and queues its picks for the assignee. */
export async function runSamplingPolicy(db: SerializedDb, policyId: string, window: { from: string; to: string }): Promise<SamplingRun> {
  const runId = randomUUID();
  return db.transaction(async (sql) => {
    const [row] = await sql.all<PolicyRow>(`SELECT ${policyColumns} FROM sampling_policies WHERE policy_id = $1`, [policyId]);
    if (!row) throw new CallqaError('CQA_ERR_API_NOT_FOUND', `sampling policy ${policyId} does not exist; GET /api/v1/sampling-policies lists them`);
    const policy = toPolicy(row);
    const candidates = await findCandidates(sql, policy, window);
    const queued = new Set((await sql.all<{ call_id: string }>('SELECT call_id FROM review_queue WHERE policy_id = $1', [policyId])).map((item) => item.call_id));
    const picked = pickSample(candidates, policy.pick, policy.seed);
    const fresh = picked.filter((call) => !queued.has(call.call_id));
    for (const call of fresh) {
      const selection: Selection = {
        policy_id: policy.policy_id, policy_name: policy.name, sampling_run_id: runId, seed: policy.seed, rule: describePick(policy.pick, policy.period),
        filters: policy.filters, period_start: call.period_start, agent_id: call.agent_id, rank: call.rank, of: call.of,
      };
      await sql.run("INSERT INTO review_queue VALUES ($1, $2, $3, $4, $5, $6::JSON, 'open', now(), NULL)",
        [randomUUID(), policyId, runId, call.call_id, policy.assignee, JSON.stringify(selection)]);
    }
    const items = await sql.all<QueueItemRow>(
      `SELECT ${queueItemColumns} FROM review_queue q JOIN effective_calls c USING (call_id) WHERE q.sampling_run_id = $1 ORDER BY q.call_id`, [runId],
    );
    return { sampling_run_id: runId, policy_id: policyId, calls_matched: candidates.length, calls_already_queued: picked.length - fresh.length, items: items.map(toQueueItem) };
  });
}

/** A QA specialist's queue: their items, oldest first, without the calls they are calibrating blind (an item shows the score). */
export async function listQueue(sql: SqlRunner, assignee: string, status: QueueItem['status'] | 'all'): Promise<QueueItem[]> {
  const rows = await sql.all<QueueItemRow>(
    `SELECT ${queueItemColumns} FROM review_queue q JOIN effective_calls c USING (call_id)
     WHERE q.assignee = $blind_viewer AND ($status = 'all' OR q.status = $status) AND ${notBlindClause('c')} ORDER BY q.created_at, q.call_id`,
    { blind_viewer: assignee, status },
  );
  return rows.map(toQueueItem);
}

/** The reviewer's open queue item for a call, marked done by the review made off it; its id, or null. */
export async function completeQueueItem(sql: SqlRunner, callId: string, reviewer: string): Promise<string | null> {
  const [item] = await sql.all<{ item_id: string }>(
    "SELECT item_id FROM review_queue WHERE call_id = $1 AND assignee = $2 AND status = 'open' ORDER BY created_at, item_id LIMIT 1", [callId, reviewer],
  );
  if (!item) return null;
  await sql.run("UPDATE review_queue SET status = 'done', done_at = now() WHERE item_id = $1", [item.item_id]);
  return item.item_id;
}
