import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

describe('reviews', () => {
  let fixture: ApiFixture;
  let callId: string;
  beforeAll(async () => {
    fixture = await createApiFixture();
    callId = fixture.callIds[0]!;
  });
  afterAll(() => fixture.close());

  it("overrides a rule result: the effective view changes, the machine's result does not", async () => {
    const response = await fixture.request('qa', 'POST', `/api/v1/calls/${callId}/reviews`, {
      target: 'rule', rule_id: 'hold-consent', status: 'pass', comment: 'Consent was asked before the transfer; the model missed it.',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      call_id: callId, target: 'rule', rule_id: 'hold-consent', before: { status: 'fail' }, after: { status: 'pass' }, reviewer: 'qa-user',
    });
    const detail = (await fixture.request('supervisor', 'GET', `/api/v1/calls/${callId}`)).json();
    expect(detail.result.rules[1]).toMatchObject({ id: 'hold-consent', status: 'fail' });
    expect(detail.effective.rules[1]).toMatchObject({ rule_id: 'hold-consent', status: 'pass', machine_status: 'fail', review_id: response.json().review_id });
    const list = (await fixture.request('qa', 'GET', '/api/v1/calls?failed_rule=hold-consent')).json();
    expect(list.items).toEqual([]);
  });

  it('overrides the score and keeps every change with who, when, before and after', async () => {
    for (const score of [85, 90]) {
      const response = await fixture.request('admin', 'POST', `/api/v1/calls/${callId}/reviews`, { target: 'score', score, comment: `set to ${score}` });
      expect(response.statusCode).toBe(201);
    }
    const reviews = (await fixture.request('trainer', 'GET', `/api/v1/calls/${callId}/reviews`)).json();
    expect(reviews.map((review: { before: unknown; after: unknown; reviewer: string }) => [review.before, review.after, review.reviewer])).toEqual([
      [{ status: 'fail' }, { status: 'pass' }, 'qa-user'],
      [{ score: 72 }, { score: 85 }, 'admin-user'],
      [{ score: 85 }, { score: 90 }, 'admin-user'],
    ]);
    const detail = (await fixture.request('qa', 'GET', `/api/v1/calls/${callId}`)).json();
    expect(detail.result.score).toBe(72);
    expect(detail.effective.score).toBe(90);
    expect(detail.score_history.map((entry: { score: number; source: string }) => [entry.score, entry.source])).toEqual([
      [72, 'machine'], [85, 'review'], [90, 'review'],
    ]);
    const list = (await fixture.request('qa', 'GET', '/api/v1/calls?score_min=89')).json();
    expect(list.items.map((item: { call_id: string; machine_score: number; score_overridden: boolean }) => [item.call_id, item.machine_score, item.score_overridden]))
      .toEqual([[callId, 72, true]]);
  });

  it('keeps the reviews when the call is analysed again (the same recording uploaded)', async () => {
    const bytes = await readFile(fixture.recordingPaths[0]!);
    const upload = await fixture.app.inject({
      method: 'POST', url: '/api/v1/uploads?filename=again.wav', payload: bytes,
      headers: { authorization: `Bearer ${fixture.tokens.qa}`, 'content-type': 'application/octet-stream' },
    });
    expect(upload.statusCode).toBe(202);
    await fixture.app.jobs.whenIdle();
    const job = (await fixture.request('qa', 'GET', `/api/v1/jobs/${upload.json().job_id}`)).json();
    expect(job).toMatchObject({ status: 'ok', call_id: callId });
    const detail = (await fixture.request('qa', 'GET', `/api/v1/calls/${callId}`)).json();
    expect(detail.call.last_run_id).not.toBe(detail.score_history[0].run_id);
    expect(detail.reviews).toHaveLength(3);
    expect(detail.effective.score).toBe(90);
    expect(detail.score_history.map((entry: { source: string }) => entry.source)).toEqual(['machine', 'review', 'review', 'machine']);
  });

  it.each([
    [{ target: 'score', score: 101, comment: 'x' }],
    [{ target: 'score', score: 50 }],
    [{ target: 'score', score: 50, comment: '' }],
    [{ target: 'score', score: 50, comment: 'x', reviewer: 'someone-else' }],
    [{ target: 'rule', rule_id: 'greeting', status: 'maybe', comment: 'x' }],
    [{ target: 'rule', rule_id: 'greeting', status: 'uncertain', comment: 'a review decides' }],
    [{ target: 'everything', comment: 'x' }],
  ])('refuses body %j with 400 and stores nothing', async (body) => {
    const before = (await fixture.request('qa', 'GET', `/api/v1/calls/${callId}/reviews`)).json().length;
    const response = await fixture.request('qa', 'POST', `/api/v1/calls/${callId}/reviews`, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('CQA_ERR_API_BAD_REQUEST');
    expect((await fixture.request('qa', 'GET', `/api/v1/calls/${callId}/reviews`)).json()).toHaveLength(before);
  });

  it('refuses a JSON body over the limit with 413, and a non-JSON body with 415', async () => {
    const huge = await fixture.request('qa', 'POST', `/api/v1/calls/${callId}/reviews`, { target: 'score', score: 1, comment: 'x'.repeat(70_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'CQA_ERR_API_PAYLOAD_TOO_LARGE', error: 'Payload Too Large' });
    const form = await fixture.app.inject({
      method: 'POST', url: `/api/v1/calls/${callId}/reviews`, payload: 'target=score&score=1',
      headers: { authorization: `Bearer ${fixture.tokens.qa}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().code).toBe('CQA_ERR_API_UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 422 for a rule the call was not checked for and 404 for an unknown call', async () => {
    const rule = await fixture.request('qa', 'POST', `/api/v1/calls/${fixture.callIds[1]}/reviews`, { target: 'rule', rule_id: 'empathy', status: 'pass', comment: 'x' });
    expect(rule.statusCode).toBe(422);
    expect(rule.json()).toMatchObject({ code: 'CQA_ERR_API_UNPROCESSABLE' });
    const call = await fixture.request('qa', 'POST', '/api/v1/calls/00000000000000ff/reviews', { target: 'score', score: 1, comment: 'x' });
    expect(call.statusCode).toBe(404);
    expect((await fixture.request('qa', 'GET', '/api/v1/calls/00000000000000ff/reviews')).statusCode).toBe(404);
  });
});
