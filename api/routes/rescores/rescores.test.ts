import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

// The seeded calls carry hand-written verdicts: the shipped packs judge them otherwise.
describe('rescores', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('rescores the calls a filter selects, answers the diff, serves it again, and keeps reviews', async () => {
    const [enCall, huCall] = fixture.callIds;
    const review = await fixture.request('qa', 'POST', `/api/v1/calls/${huCall}/reviews`, { target: 'rule', rule_id: 'greeting', status: 'pass', comment: 'greeted in Hungarian' });
    expect(review.statusCode).toBe(201);
    const reviewsBefore = (await fixture.request('qa', 'GET', `/api/v1/calls/${huCall}/reviews`)).json();

    const hungarian = await fixture.request('admin', 'POST', '/api/v1/rescores', { language: 'hu' });
    expect(hungarian.statusCode).toBe(200);
    const report = hungarian.json();
    expect(report).toMatchObject({ status: 'ok', filters: { language: 'hu', agent: null, since: null }, calls_rescored: 1, calls_written: 1 });
    expect(report.changes.map((change: { call_id: string }) => change.call_id)).toEqual([huCall]);
    expect(report.versions.rule_packs.hu.hash).toMatch(/^[0-9a-f]{16}$/);

    const detail = (await fixture.request('qa', 'GET', `/api/v1/calls/${huCall}`)).json();
    const change = report.changes[0];
    expect(detail.result.score).toBe(change.score_after);
    expect(detail.call.last_run_id).toBe(report.run_id);
    expect(detail.score_history.map((entry: { run_id: string | null }) => entry.run_id)).toContain(report.run_id);
    const machineStatus = (ruleId: string) => detail.effective.rules.find((rule: { rule_id: string }) => rule.rule_id === ruleId);
    for (const rule of change.rules.filter((verdict: { after: string | null }) => verdict.after !== null)) {
      expect(machineStatus(rule.rule_id)?.machine_status).toBe(rule.after);
    }
    // The review of greeting still decides its effective status, whatever the machine now says.
    expect(machineStatus('greeting')).toMatchObject({ status: 'pass', review_id: review.json().review_id });
    expect((await fixture.request('qa', 'GET', `/api/v1/calls/${huCall}/reviews`)).json()).toEqual(reviewsBefore);
    // The English call was not selected: its hand-written verdicts stand.
    expect((await fixture.request('qa', 'GET', `/api/v1/calls/${enCall}`)).json().effective.rules.map((rule: { rule_id: string }) => rule.rule_id).sort())
      .toEqual(['greeting', 'hold-consent']);

    const served = await fixture.request('supervisor', 'GET', `/api/v1/rescores/${report.run_id}`);
    expect(served.statusCode).toBe(200);
    expect(served.json()).toEqual(report);

    const again = (await fixture.request('admin', 'POST', '/api/v1/rescores', { language: 'hu' })).json();
    expect(again).toMatchObject({ calls_rescored: 1, calls_written: 0, calls_changed: 0, changes: [] });
  });

  it('answers 404 for an unknown run and 400 for a filter that is not a date', async () => {
    const missing = await fixture.request('admin', 'GET', '/api/v1/rescores/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'CQA_ERR_API_NOT_FOUND' });
    const bad = await fixture.request('admin', 'POST', '/api/v1/rescores', { since: 'yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('--since: "yesterday" is not a date');
  });
});
