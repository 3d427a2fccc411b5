/** Sampling policies over HTTP on a real database: quotas per agent and period, seeds, targeted queues, the queue and its reviews. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';
import { insertSyntheticCalls } from '../../synthetic-calls.test-helper.ts';

interface QueueItemBody { item_id: string; call_id: string; status: string; agent_id: string | null; selection: { rank: number; of: number; seed: number; rule: string; agent_id: string | null } }

describe('review sampling', () => {
  let fixture: ApiFixture;
  const window = { from: new Date(Date.now() - 86_400_000 * 2).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
  const createPolicy = async (body: object) => {
    const response = await fixture.request('supervisor', 'POST', '/api/v1/sampling-policies', { name: 'weekly', assignee: 'qa-user', period: 'month', ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { policy_id: string; seed: number };
  };
  const run = async (policyId: string) => {
    const response = await fixture.request('qa', 'POST', `/api/v1/sampling-policies/${policyId}/runs`, window);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { calls_matched: number; calls_already_queued: number; items: QueueItemBody[] };
  };
  /** Per agent, how many calls in Russian the store holds: what a per-agent quota is counted against. */
  const russianCallsPerAgent = async () => {
    const reader = await fixture.store.connection.runAndReadAll("SELECT agent_id, count(*)::INTEGER AS n FROM calls WHERE language = 'ru' GROUP BY agent_id");
    return new Map(reader.getRowObjectsJS().map((row) => [row.agent_id as string, row.n as number]));
  };

  beforeAll(async () => {
    fixture = await createApiFixture();
    await insertSyntheticCalls(fixture.store, 300);
  });
  afterAll(() => fixture.close());

  it('picks N calls per agent and period among those matching the filters, saying how each was picked', async () => {
    const policy = await createPolicy({ pick: { kind: 'count', per_agent: 2 }, filters: { language: 'ru' }, seed: 11 });
    const result = await run(policy.policy_id);
    const perAgent = await russianCallsPerAgent();
    expect(result.calls_matched).toBe([...perAgent.values()].reduce((sum, n) => sum + n, 0));
    const pickedPerAgent = new Map<string, number>();
    for (const item of result.items) pickedPerAgent.set(item.agent_id!, (pickedPerAgent.get(item.agent_id!) ?? 0) + 1);
    expect(Object.fromEntries(pickedPerAgent)).toEqual(Object.fromEntries([...perAgent].map(([agent, n]) => [agent, Math.min(2, n)])));
    expect(result.items[0]!.selection).toMatchObject({ seed: 11, rule: '2 calls per agent per month', of: perAgent.get(result.items[0]!.agent_id!) });
    expect(result.items.every((item) => item.status === 'open' && item.selection.rank <= 2)).toBe(true);
  });

  it('picks the same calls again for the same seed, other calls for another, and never queues a call twice', async () => {
    const definition = { pick: { kind: 'percent', per_agent: 25 }, filters: { score_max: 60 } };
    const first = await run((await createPolicy({ ...definition, seed: 5 })).policy_id);
    const same = await createPolicy({ ...definition, seed: 5 });
    const again = await run(same.policy_id);
    const other = await run((await createPolicy({ ...definition, seed: 6 })).policy_id);
    const ids = (items: QueueItemBody[]) => items.map((item) => item.call_id).sort();
    expect(first.items.length).toBeGreaterThan(10);
    expect(ids(again.items)).toEqual(ids(first.items));
    expect(ids(other.items)).not.toEqual(ids(first.items));
    const rerun = await run(same.policy_id);
    expect(rerun).toMatchObject({ items: [], calls_already_queued: first.items.length });
  });

  it('fills a targeted queue with every call in which a critical rule failed', async () => {
    await fixture.store.connection.run(`UPDATE rule_results SET severity = 'critical', status = 'fail'
      WHERE rule_id = 'closing' AND call_id IN (SELECT call_id FROM calls WHERE agent_id = 'agent-3' ORDER BY call_id LIMIT 3)`);
    const result = await run((await createPolicy({ pick: { kind: 'all' }, filters: { critical_failure: true }, seed: 1 })).policy_id);
    expect(result.items.map((item) => item.agent_id)).toEqual(['agent-3', 'agent-3', 'agent-3']);
    expect(result.items.map((item) => item.selection.rule)).toEqual(Array(3).fill('every matching call'));
  });

  it("lists the assignee's queue, and a review of a queued call completes its item and says how the call was picked", async () => {
    const open = (await fixture.request('qa', 'GET', '/api/v1/review-queue')).json() as QueueItemBody[];
    expect(open.length).toBeGreaterThan(20);
    expect((await fixture.request('admin', 'GET', '/api/v1/review-queue')).json()).toEqual([]);
    const item = open[0]!;
    const review = await fixture.request('qa', 'POST', `/api/v1/calls/${item.call_id}/reviews`, { target: 'score', score: 55, comment: 'from my queue' });
    expect(review.statusCode, review.body).toBe(201);
    expect(review.json().selection).toEqual(item.selection);
    const done = (await fixture.request('qa', 'GET', '/api/v1/review-queue?status=done')).json() as QueueItemBody[];
    expect(done.map((entry) => entry.item_id)).toContain(item.item_id);
    expect(((await fixture.request('qa', 'GET', '/api/v1/review-queue')).json() as QueueItemBody[]).map((entry) => entry.item_id)).not.toContain(item.item_id);
    const unqueued = await fixture.request('admin', 'POST', `/api/v1/calls/${fixture.callIds[1]}/reviews`, { target: 'score', score: 50, comment: 'not queued' });
    expect(unqueued.json().selection).toBeNull();
  });

  it('refuses an assignee who may not review, and an unknown policy', async () => {
    const refused = await fixture.request('admin', 'POST', '/api/v1/sampling-policies', { name: 'x', assignee: 'trainer-user', period: 'day', pick: { kind: 'all' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toContain('trainer-user');
    const missing = await fixture.request('admin', 'POST', '/api/v1/sampling-policies/00000000-0000-4000-8000-000000000000/runs', window);
    expect(missing.json()).toMatchObject({ statusCode: 404, code: 'CQA_ERR_API_NOT_FOUND' });
    const listed = (await fixture.request('admin', 'GET', '/api/v1/sampling-policies')).json() as { name: string }[];
    expect(listed.length).toBe(5);
  });
});
