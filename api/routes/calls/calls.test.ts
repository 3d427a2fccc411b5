import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

describe('calls routes', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('lists calls newest first with effective score and failed rules', async () => {
    const response = await fixture.request('qa', 'GET', '/api/v1/calls');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((item: { call_id: string }) => item.call_id).sort()).toEqual([...fixture.callIds].sort());
    expect(body.next_cursor).toBeNull();
    const first = body.items.find((item: { call_id: string }) => item.call_id === fixture.callIds[0]);
    expect(first).toMatchObject({ agent_id: 'agent-7', language: 'en', score: 72, machine_score: 72, score_overridden: false, failed_rules: ['hold-consent'], uncertain_rules: [], needs_review: false, channels: 2 });
    expect(body.items.find((item: { call_id: string }) => item.call_id === fixture.callIds[1])).toMatchObject({ failed_rules: ['greeting'], uncertain_rules: ['thanks-closing'], needs_review: true });
    expect(first.first_analysed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it.each([
    ['agent=agent-9', [1]],
    ['language=en', [0]],
    ['score_min=50', [0]],
    ['score_max=50', [1]],
    ['score_min=41&score_max=71', []],
    ['failed_rule=greeting', [1]],
    ['failed_rule=hold-consent', [0]],
    ['needs_review=true', [1]],
    ['needs_review=false', [0]],
    ['event_type=hold', [0]],
    ['event_type=transfer', []],
    ['q=ROAMING', [0]],
    ['q=%3Dcmd', [1]],
    ['q=%25', []],
    ['from=2000-01-01T00:00:00Z', [0, 1]],
    ['to=2000-01-01T00:00:00Z', []],
  ])('filters by %s', async (query, expected) => {
    const response = await fixture.request('supervisor', 'GET', `/api/v1/calls?${query}`);
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((item: { call_id: string }) => item.call_id).sort();
    expect(ids).toEqual(expected.map((index) => fixture.callIds[index]).sort());
  });

  it('pages with a cursor in the requested order, and refuses a cursor made for another sort', async () => {
    const first = (await fixture.request('qa', 'GET', '/api/v1/calls?sort=score&order=asc&limit=1')).json();
    expect(first.items.map((item: { score: number }) => item.score)).toEqual([40]);
    const second = (await fixture.request('qa', 'GET', `/api/v1/calls?sort=score&order=asc&limit=1&cursor=${first.next_cursor}`)).json();
    expect(second.items.map((item: { score: number }) => item.score)).toEqual([72]);
    expect(second.next_cursor).toBeNull();
    const mismatched = await fixture.request('qa', 'GET', `/api/v1/calls?sort=duration_s&limit=1&cursor=${first.next_cursor}`);
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json()).toMatchObject({ statusCode: 400, code: 'CQA_ERR_API_BAD_REQUEST', error: 'Bad Request' });
    const forged = await fixture.request('qa', 'GET', '/api/v1/calls?cursor=bm90LWEtY3Vyc29y');
    expect(forged.json().code).toBe('CQA_ERR_API_BAD_REQUEST');
  });

  it.each([
    'limit=0', 'limit=201', 'sort=sha256', 'language=de', 'score_min=101', 'from=yesterday', 'agent=a%20b', "failed_rule=x'%20OR%201=1", 'event_type=party', 'needs_review=maybe',
  ])('refuses bad query %s with a 400 naming the field', async (query) => {
    const response = await fixture.request('qa', 'GET', `/api/v1/calls?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CQA_ERR_API_BAD_REQUEST' });
    expect(response.json().message).toContain('querystring');
  });

  it('answers a call in detail: metadata, the machine result, the effective view and the score history', async () => {
    const response = await fixture.request('trainer', 'GET', `/api/v1/calls/${fixture.callIds[0]}`);
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.call).toMatchObject({ call_id: fixture.callIds[0], agent_id: 'agent-7', file_name: 'call-0.wav' });
    expect(detail.result).toMatchObject({ schema: 'callqa.call/1', status: 'ok', score: 72, channels: 2 });
    expect(detail.result.utterances).toHaveLength(3);
    expect(detail.result.events.map((event: { type: string }) => event.type)).toEqual(['hold', 'interruption']);
    expect(detail.result.rules[1]).toMatchObject({ id: 'hold-consent', status: 'fail', evidence: [{ start: 2, end: 3, party: 'agent' }] });
    expect(detail.result.parties.agent.channel).toBe(0);
    expect(detail.effective).toEqual({
      score: 72, score_review_id: null,
      rules: [
        { rule_id: 'greeting', status: 'pass', machine_status: 'pass', review_id: null },
        { rule_id: 'hold-consent', status: 'fail', machine_status: 'fail', review_id: null },
      ],
    });
    expect(detail.score_history).toMatchObject([{ score: 72, source: 'machine', review_id: null }]);
    expect(detail.reviews).toEqual([]);
  });

  it.each(['0123', 'ZZZZZZZZZZZZZZZZ', '..%2F..%2Fetc%2Fpasswd', '0123456789abcdef0'])('refuses malformed call id %s with a 400', async (id) => {
    const response = await fixture.request('qa', 'GET', `/api/v1/calls/${id}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('CQA_ERR_API_BAD_REQUEST');
  });

  it('answers 404 for a well-formed id of no call', async () => {
    const response = await fixture.request('qa', 'GET', '/api/v1/calls/0123456789abcdef');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404, code: 'CQA_ERR_API_NOT_FOUND', error: 'Not Found',
      message: 'call 0123456789abcdef is not in the database; list calls to find its id',
    });
  });

  it('takes a call out of the review queue once a reviewer decides its uncertain rule', async () => {
    const queue = async () => (await fixture.request('qa', 'GET', '/api/v1/calls?needs_review=true')).json().items.map((item: { call_id: string }) => item.call_id);
    expect(await queue()).toEqual([fixture.callIds[1]]);
    const review = await fixture.request('qa', 'POST', `/api/v1/calls/${fixture.callIds[1]}/reviews`, { target: 'rule', rule_id: 'thanks-closing', status: 'fail', comment: 'no thanks at the end' });
    expect(review.statusCode).toBe(201);
    expect(await queue()).toEqual([]);
    const listed = (await fixture.request('qa', 'GET', '/api/v1/calls?failed_rule=thanks-closing')).json().items;
    expect(listed).toMatchObject([{ call_id: fixture.callIds[1], needs_review: false, uncertain_rules: [], failed_rules: ['greeting', 'thanks-closing'] }]);
  });
});
