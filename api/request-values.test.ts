/**
 * Values the schemas admit must be answered correctly or refused with a 400 naming the field,
 * never a 500: RFC 3339 date-times DuckDB cannot cast (leap second, lowercase, offsets
 * without a colon), numbers that coerce to Infinity, and cursors whose sort value cannot be bound.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from './api-fixture.test-helper.ts';

const cursorOf = (tuple: unknown[]) => Buffer.from(JSON.stringify(tuple)).toString('base64url');

describe('request values at the edge of their schemas', () => {
  let fixture: ApiFixture;
  const callCount = async (query: string) => {
    const response = await fixture.request('admin', 'GET', `/api/v1/calls?${query}`);
    expect(response.statusCode, query).toBe(200);
    return (response.json() as { items: unknown[] }).items.length;
  };
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('reads a leap second as the next minute, and lowercase t/z and compact offsets as their instant', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    // The seeded calls were first analysed today: yesterday's 23:59:60 is today's 00:00:00.
    expect(await callCount(`from=${today}T00:00:00Z`)).toBe(2);
    expect(await callCount(`from=${yesterday}T23:59:60Z`)).toBe(2);
    expect(await callCount(`to=${yesterday}T23:59:60Z`)).toBe(0);
    expect(await callCount(`to=${yesterday}T23:59:60.5Z`)).toBe(0);
    expect(await callCount('from=2000-01-01t00:00:00z')).toBe(2);
    expect(await callCount('to=2000-01-01t00:00:00z')).toBe(0);
    expect(await callCount(`from=${today}T02:00:00%2B0300`)).toBe(2); // 23:00 yesterday, UTC
    expect(await callCount('to=2100-01-01 00:00:00.1234567890-01')).toBe(2);
  });

  it('accepts the same date-times in exports and agent figures', async () => {
    for (const url of [
      '/api/v1/exports/calls.csv?from=2016-12-31T23:59:60Z', '/api/v1/exports/calls.arrow?to=2100-01-01t00:00:00z',
      '/api/v1/agents/stats?from=2016-12-31T23:59:60Z&to=2100-01-01t00:00:00z',
    ]) {
      expect((await fixture.request('admin', 'GET', url)).statusCode, url).toBe(200);
    }
    const csv = await fixture.request('admin', 'GET', '/api/v1/exports/calls.csv?from=2016-12-31T23:59:60Z');
    expect(csv.body.trim().split('\n')).toHaveLength(3); // header and the two calls
  });

  it.each([
    ['/api/v1/calls', 'limit'], ['/api/v1/examples', 'limit'],
    ['/api/v1/agents/coaching-flags', 'window_calls'], ['/api/v1/agents/coaching-flags', 'min_applicable_calls'],
    ['/api/v1/agents/coaching-flags', 'failure_rate_threshold'], ['/api/v1/calls', 'score_min'],
  ])('%s refuses %s=1e999, Infinity and -Infinity with a 400 naming it', async (route, name) => {
    for (const value of ['1e999', 'Infinity', '-Infinity']) {
      const response = await fixture.request('admin', 'GET', `${route}?${name}=${value}`);
      expect(response.statusCode, `${name}=${value}`).toBe(400);
      expect(response.json()).toMatchObject({ code: 'CQA_ERR_API_BAD_REQUEST', message: expect.stringContaining(`querystring/${name}`) });
    }
  });

  it('refuses an infinite number in a JSON body', async () => {
    const response = await fixture.app.inject({
      method: 'POST', url: `/api/v1/calls/${fixture.callIds[0]}/reviews`, payload: '{"target": "score", "score": 1e999, "comment": "x"}',
      headers: { authorization: `Bearer ${fixture.tokens.qa}`, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CQA_ERR_API_BAD_REQUEST', message: expect.stringContaining('body/score') });
  });

  it.each([['score', 1e308], ['duration_s', 1e308], ['first_analysed_at', 1e308], ['first_analysed_at', -1e20]])(
    'refuses a cursor for sort=%s with sort value %d as malformed',
    async (sort, value) => {
      const response = await fixture.request('admin', 'GET', `/api/v1/calls?sort=${sort}&cursor=${cursorOf([sort, 'desc', value, '0123456789abcdef'])}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'CQA_ERR_API_BAD_REQUEST', message: expect.stringContaining('cursor is malformed') });
    },
  );

  it('still pages with the cursors it makes', async () => {
    for (const sort of ['score', 'duration_s', 'first_analysed_at', 'agent_id']) {
      const first = (await fixture.request('admin', 'GET', `/api/v1/calls?sort=${sort}&limit=1`)).json() as { items: { call_id: string }[]; next_cursor: string };
      const second = (await fixture.request('admin', 'GET', `/api/v1/calls?sort=${sort}&limit=1&cursor=${first.next_cursor}`)).json() as { items: { call_id: string }[] };
      expect([...first.items, ...second.items].map((call) => call.call_id).sort(), sort).toEqual([...fixture.callIds].sort());
    }
  });
});
