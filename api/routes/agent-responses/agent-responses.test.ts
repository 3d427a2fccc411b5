/** The agent's side over HTTP on a real database: only their own calls anywhere, acknowledgements, disputes within the window, and their outcome. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../../core/effects.ts';
import { agentUserAgentId, createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

describe('what an agent sees', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it("lists, opens, hears and searches only the agent's own calls; another agent's call is not found", async () => {
    const [own, other] = fixture.callIds as [string, string];
    const list = (await fixture.request('agent', 'GET', '/api/v1/calls')).json();
    expect(list.items.map((call: { call_id: string; agent_id: string }) => [call.call_id, call.agent_id])).toEqual([[own, agentUserAgentId]]);
    expect((await fixture.request('agent', 'GET', '/api/v1/calls?agent=agent-9')).json().items).toEqual([]);
    const detail = await fixture.request('agent', 'GET', `/api/v1/calls/${own}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().result.rules[1]).toMatchObject({ id: 'hold-consent', status: 'fail', evidence: [{ start: 2, end: 3 }] });
    for (const url of [`/api/v1/calls/${other}`, `/api/v1/calls/${other}/audio`, `/api/v1/calls/${other}/reviews`]) {
      const response = await fixture.request('agent', 'GET', url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('CQA_ERR_API_NOT_FOUND');
    }
    expect((await fixture.request('agent', 'GET', `/api/v1/calls/${own}/audio`)).statusCode).toBe(200);
    // Both calls' transcripts hold words in Hungarian and English; the agent finds only their own.
    expect((await fixture.request('qa', 'GET', '/api/v1/search?q=számlámról')).json().items).toHaveLength(1);
    expect((await fixture.request('agent', 'GET', '/api/v1/search?q=számlámról')).json().items).toEqual([]);
    expect((await fixture.request('agent', 'GET', '/api/v1/search?q=roaming')).json().items.map((hit: { call_id: string }) => hit.call_id)).toEqual([own]);
    for (const url of ['/api/v1/exports/calls.csv', '/api/v1/exports/calls.arrow', '/api/v1/examples', '/api/v1/kpis', '/api/v1/agents/stats', '/api/v1/review-queue']) {
      expect((await fixture.request('agent', 'GET', url)).statusCode, url).toBe(403);
    }
  });

  it('refuses an agent without an agent id, and an agent id on any other role', async () => {
    expect((await fixture.request('admin', 'POST', '/api/v1/users', { user_name: 'no-id', role: 'agent' })).json().message).toContain('no agent id');
    expect((await fixture.request('admin', 'POST', '/api/v1/users', { user_name: 'qa-id', role: 'qa', agent_id: 'agent-1' })).statusCode).toBe(400);
  });
});

describe('acknowledgements and disputes', () => {
  let fixture: ApiFixture;
  let otherAgentToken: string;
  const asOtherAgent = (method: 'GET' | 'POST', url: string, payload?: object) =>
    fixture.app.inject({ method, url, payload, headers: { authorization: `Bearer ${otherAgentToken}` } });
  beforeAll(async () => {
    fixture = await createApiFixture();
    otherAgentToken = (await fixture.request('admin', 'POST', '/api/v1/users', { user_name: 'agent-nine', role: 'agent', agent_id: 'agent-9' })).json().token;
  });
  afterAll(() => fixture.close());

  it("lets an agent acknowledge their own call's evaluation, not another's", async () => {
    const acknowledged = await fixture.request('agent', 'POST', `/api/v1/calls/${fixture.callIds[0]}/acknowledgement`, { comment: 'fair' });
    expect(acknowledged.statusCode, acknowledged.body).toBe(201);
    expect(acknowledged.json()).toMatchObject({ kind: 'acknowledge', status: 'acknowledged', agent_id: 'agent-7', user_name: 'agent-user', comment: 'fair' });
    expect((await fixture.request('agent', 'POST', `/api/v1/calls/${fixture.callIds[1]}/acknowledgement`, {})).statusCode).toBe(404);
  });

  it('takes a dispute of a rule, one open at a time, and refuses rules the call was not judged on', async () => {
    const url = `/api/v1/calls/${fixture.callIds[0]}/disputes`;
    const dispute = await fixture.request('agent', 'POST', url, { rule_id: 'hold-consent', comment: 'I asked before the hold' });
    expect(dispute.statusCode, dispute.body).toBe(201);
    expect(dispute.json()).toMatchObject({ kind: 'dispute', status: 'open', rule_id: 'hold-consent', resolved_by: null });
    expect((await fixture.request('agent', 'POST', url, { rule_id: 'hold-consent', comment: 'again' })).statusCode).toBe(409);
    expect((await fixture.request('agent', 'POST', url, { rule_id: 'recap', comment: 'x' })).statusCode).toBe(422);
    expect((await asOtherAgent('POST', `/api/v1/calls/${fixture.callIds[1]}/disputes`, { comment: 'score too low' })).statusCode).toBe(201);
  });

  it("shows an agent their own responses only, and reviewers everyone's", async () => {
    const own = (await fixture.request('agent', 'GET', '/api/v1/agent-responses')).json() as { kind: string; agent_id: string }[];
    expect(own.map((response) => [response.kind, response.agent_id]).sort()).toEqual([['acknowledge', 'agent-7'], ['dispute', 'agent-7']]);
    expect(((await fixture.request('supervisor', 'GET', '/api/v1/agent-responses?status=open')).json() as unknown[])).toHaveLength(2);
  });

  it('resolves a dispute by changing the result through a review the agent then sees, once', async () => {
    const [open] = (await fixture.request('qa', 'GET', `/api/v1/agent-responses?status=open&call=${fixture.callIds[0]}`)).json() as { response_id: string }[];
    const url = `/api/v1/disputes/${open!.response_id}/resolution`;
    expect((await fixture.request('qa', 'POST', url, { outcome: 'changed', comment: 'x', score: 90 })).statusCode).toBe(422);
    const resolved = await fixture.request('qa', 'POST', url, { outcome: 'changed', comment: 'consent is audible at 1.9 s', status: 'pass' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'changed', resolved_by: 'qa-user', resolution_comment: 'consent is audible at 1.9 s', review_id: expect.any(String) });
    expect((await fixture.request('qa', 'POST', url, { outcome: 'upheld', comment: 'again' })).statusCode).toBe(409);
    const seen = (await fixture.request('agent', 'GET', `/api/v1/agent-responses?call=${fixture.callIds[0]}&status=changed`)).json();
    expect(seen).toHaveLength(1);
    const detail = (await fixture.request('agent', 'GET', `/api/v1/calls/${fixture.callIds[0]}`)).json();
    expect(detail.effective.rules.find((rule: { rule_id: string }) => rule.rule_id === 'hold-consent')).toMatchObject({ status: 'pass', machine_status: 'fail', review_id: resolved.json().review_id });
    expect(detail.reviews.at(-1)).toMatchObject({ reviewer: 'qa-user', comment: `dispute ${open!.response_id}: consent is audible at 1.9 s`, before: { status: 'fail' }, after: { status: 'pass' } });
  });

  it('upholds a score dispute without touching the result', async () => {
    const [open] = (await fixture.request('admin', 'GET', '/api/v1/agent-responses?status=open')).json() as { response_id: string; call_id: string }[];
    const upheld = await fixture.request('supervisor', 'POST', `/api/v1/disputes/${open!.response_id}/resolution`, { outcome: 'upheld', comment: 'the greeting was missing' });
    expect(upheld.json()).toMatchObject({ status: 'upheld', review_id: null, resolved_by: 'supervisor-user' });
    expect((await fixture.request('admin', 'GET', `/api/v1/calls/${open!.call_id}/reviews`)).json()).toEqual([]);
    expect(((await asOtherAgent('GET', '/api/v1/agent-responses')).json() as { status: string }[]).map((response) => response.status)).toEqual(['upheld']);
  });
});

describe('the dispute window', () => {
  let fixture: ApiFixture;
  const eightDaysMs = 8 * 86_400_000;
  beforeAll(async () => {
    fixture = await createApiFixture({ effects: { ...silentEffects, now: () => Date.now() + eightDaysMs } });
  });
  afterAll(() => fixture.close());

  it('closes the given number of days after the evaluation, and a newer review opens it again', async () => {
    const url = `/api/v1/calls/${fixture.callIds[0]}/disputes`;
    const late = await fixture.request('agent', 'POST', url, { comment: 'too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/dispute window of call \w+ closed at .* \(7 days after its evaluation\)/);
    // A review two days after the analysis: by the server's clock the evaluation is then six days old.
    await fixture.store.connection.run("INSERT INTO reviews (review_id, call_id, target, after_value, reviewer, created_at) VALUES ('r1', $1, 'score', '{\"score\": 50}', 'qa-user', now() + INTERVAL 2 DAY)", [fixture.callIds[0]!]);
    expect((await fixture.request('agent', 'POST', url, { comment: 'in time after the review' })).statusCode).toBe(201);
  });
});
