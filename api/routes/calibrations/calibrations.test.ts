/** Calibration over HTTP on a real database: blind until submitted, answers once, then the agreement figures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

describe('calibration sessions', () => {
  let fixture: ApiFixture;
  let sessionId: string;
  // The seeded calls' machine verdicts: greeting pass / fail, hold-consent fail / n/a.
  const machineAnswers = () => [
    { call_id: fixture.callIds[0]!, rule_id: 'greeting', status: 'pass' }, { call_id: fixture.callIds[1]!, rule_id: 'greeting', status: 'fail' },
    { call_id: fixture.callIds[0]!, rule_id: 'hold-consent', status: 'fail' }, { call_id: fixture.callIds[1]!, rule_id: 'hold-consent', status: 'n/a' },
  ];
  beforeAll(async () => {
    fixture = await createApiFixture();
    const created = await fixture.request('supervisor', 'POST', '/api/v1/calibrations', { name: 'November', call_ids: fixture.callIds, rule_ids: ['greeting', 'hold-consent'], evaluators: ['qa-user', 'admin-user'] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ rule_ids: ['greeting', 'hold-consent'], evaluators: ['qa-user', 'admin-user'], submitted: [], created_by: 'supervisor-user' });
    sessionId = created.json().session_id;
  });
  afterAll(() => fixture.close());

  it("gives an evaluator the calls and transcripts, and nothing of the machine's or anyone's verdicts until they submit", async () => {
    const view = await fixture.request('qa', 'GET', `/api/v1/calibrations/${sessionId}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().my_answers).toBeNull();
    expect(view.json().calls.map((call: { call_id: string }) => call.call_id)).toEqual(fixture.callIds);
    expect(view.json().calls[0].utterances[1]).toEqual({ party: 'customer', start: 1.6, end: 2.6, text: 'I was charged twice for roaming.' });
    expect(view.body).not.toMatch(/"(status|score|machine_status|rules)"/);
    const logged = (await fixture.request('admin', 'GET', '/api/v1/access-log?user=qa-user')).json().items[0];
    expect(logged).toMatchObject({ kind: 'detail', outcome: 'served', route: 'GET /api/v1/calibrations/:sessionId', call_ids: fixture.callIds });
    for (const url of [`/api/v1/calibrations/${sessionId}/agreement`, `/api/v1/calls/${fixture.callIds[0]}`, `/api/v1/calls/${fixture.callIds[1]}/reviews`]) {
      const refused = await fixture.request('qa', 'GET', url);
      expect(refused.statusCode, url).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'CQA_ERR_API_CONFLICT', message: expect.stringContaining('blind') });
    }
    expect((await fixture.request('qa', 'GET', '/api/v1/calls')).json().items).toEqual([]);
    // A review would answer with the verdict it replaces, so an evaluator scoring blind may not post one either.
    const review = await fixture.request('qa', 'POST', `/api/v1/calls/${fixture.callIds[0]}/reviews`, { target: 'rule', rule_id: 'greeting', status: 'fail', comment: 'peek' });
    expect(review.statusCode).toBe(409);
    expect(review.json()).toMatchObject({ code: 'CQA_ERR_API_CONFLICT', message: expect.stringContaining('blind') });
    const policy = (await fixture.request('admin', 'POST', '/api/v1/sampling-policies', { name: 'all', assignee: 'qa-user', period: 'day', pick: { kind: 'all' } })).json();
    const run = await fixture.request('admin', 'POST', `/api/v1/sampling-policies/${policy.policy_id}/runs`, { from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
    expect(run.json().items).toHaveLength(2);
    expect((await fixture.request('qa', 'GET', '/api/v1/review-queue')).json()).toEqual([]);
    expect((await fixture.request('qa', 'GET', '/api/v1/exports/calls.csv')).body.trim().split('\n')).toHaveLength(1);
    // Not an evaluator: sees the calls, and the (still empty) agreement.
    expect((await fixture.request('supervisor', 'GET', '/api/v1/calls')).json().items).toHaveLength(2);
    expect((await fixture.request('supervisor', 'GET', `/api/v1/calibrations/${sessionId}/agreement`)).json())
      .toMatchObject({ evaluators_submitted: [], evaluators_pending: ['qa-user', 'admin-user'], items: 4 });
  });

  it('takes one verdict per call and rule, once, and opens the calls to the evaluator after', async () => {
    const partial = await fixture.request('qa', 'POST', `/api/v1/calibrations/${sessionId}/answers`, { answers: machineAnswers().slice(1) });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().message).toContain('1 missing');
    expect((await fixture.request('supervisor', 'POST', `/api/v1/calibrations/${sessionId}/answers`, { answers: machineAnswers() })).statusCode).toBe(403);
    const submitted = await fixture.request('qa', 'POST', `/api/v1/calibrations/${sessionId}/answers`, { answers: machineAnswers() });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json().submitted).toEqual(['qa-user']);
    expect((await fixture.request('qa', 'POST', `/api/v1/calibrations/${sessionId}/answers`, { answers: machineAnswers() })).statusCode).toBe(409);
    expect((await fixture.request('qa', 'GET', `/api/v1/calls/${fixture.callIds[0]}`)).statusCode).toBe(200);
    expect((await fixture.request('qa', 'GET', '/api/v1/review-queue')).json()).toHaveLength(2);
    expect((await fixture.request('qa', 'GET', `/api/v1/calibrations/${sessionId}`)).json().my_answers).toHaveLength(4);
    expect((await fixture.request('admin', 'GET', `/api/v1/calls/${fixture.callIds[0]}`)).statusCode).toBe(409);
  });

  it("reports Cohen's kappa per pair, the rule with most disagreement first, and each evaluator against the machine", async () => {
    // admin passes the greeting the machine (and qa) failed: qa [pass fail fail n/a], admin [pass pass fail n/a].
    // p_o = 3/4; p_e = (1·2 + 2·1 + 1·1) / 16 = 5/16; κ = (12/16 − 5/16) / (11/16) = 7/11.
    const planted = machineAnswers().map((answer) => (answer.rule_id === 'greeting' ? { ...answer, status: 'pass' } : answer));
    expect((await fixture.request('admin', 'POST', `/api/v1/calibrations/${sessionId}/answers`, { answers: planted })).statusCode).toBe(201);
    const report = (await fixture.request('qa', 'GET', `/api/v1/calibrations/${sessionId}/agreement`)).json();
    expect(report).toMatchObject({ evaluators_submitted: ['qa-user', 'admin-user'], evaluators_pending: [], items: 4, percent_agreement: 0.75 });
    const pair = (a: string, b: string) => report.pairs.find((entry: { a: string; b: string }) => entry.a === a && entry.b === b).agreement;
    expect(pair('qa-user', 'admin-user').kappa).toBeCloseTo(7 / 11, 12);
    expect(pair('qa-user', 'machine')).toEqual({ items: 4, percent: 1, kappa: 1 });
    expect(pair('admin-user', 'machine').percent).toBe(0.75);
    expect(report.rules.map((rule: { rule_id: string; disagreements: number }) => [rule.rule_id, rule.disagreements])).toEqual([['greeting', 1], ['hold-consent', 0]]);
    expect(report.languages.map((entry: { language: string }) => entry.language).sort()).toEqual(['en', 'hu']);
    const month = new Date().toISOString().slice(0, 7);
    expect((await fixture.request('supervisor', 'GET', '/api/v1/calibrations/machine-agreement')).json()).toEqual([
      // greeting: the evaluators agree (pass, as the machine) on the English call and tie on the Hungarian one, which has no consensus.
      { month, rule_id: 'greeting', language: 'en', agreement: { items: 1, percent: 1, kappa: null } },
      { month, rule_id: 'greeting', language: 'hu', agreement: { items: 0, percent: null, kappa: null } },
      { month, rule_id: 'hold-consent', language: 'en', agreement: { items: 1, percent: 1, kappa: null } },
      { month, rule_id: 'hold-consent', language: 'hu', agreement: { items: 1, percent: 1, kappa: null } },
    ]);
  });

  it('refuses evaluators who may not review, rules the calls were not judged on, and unknown sessions', async () => {
    const trainer = await fixture.request('admin', 'POST', '/api/v1/calibrations', { name: 'x', call_ids: fixture.callIds, evaluators: ['qa-user', 'trainer-user'] });
    expect(trainer.statusCode).toBe(422);
    expect(trainer.json().message).toContain('trainer-user');
    const rule = await fixture.request('admin', 'POST', '/api/v1/calibrations', { name: 'x', call_ids: fixture.callIds, rule_ids: ['recap'], evaluators: ['qa-user', 'admin-user'] });
    expect(rule.json().message).toContain('recap');
    expect((await fixture.request('admin', 'GET', '/api/v1/calibrations/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await fixture.request('admin', 'GET', '/api/v1/calibrations')).json().map((session: { name: string }) => session.name)).toEqual(['November']);
  });
});
