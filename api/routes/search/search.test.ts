import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';
import { analyzeAndSave, seedFindings } from '../../seed-calls.test-helper.ts';

interface Hit {
  call_id: string;
  utterance_idx: number;
  party: string;
  start_s: number;
  text: string;
  matches: { start: number; end: number }[];
  link: string;
}

describe('GET /api/v1/search', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());
  const search = async (query: string) => {
    const response = await fixture.request('trainer', 'GET', `/api/v1/search?${query}`);
    return { status: response.statusCode, body: response.json() as { items: Hit[]; next_cursor: string | null; code?: string; message?: string } };
  };

  it('finds a Hungarian inflection with the utterance, the marked word and a link to its moment', async () => {
    const { status, body } = await search(`q=${encodeURIComponent('számla')}`);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    const [hit] = body.items;
    expect(hit).toMatchObject({ call_id: fixture.callIds[1], utterance_idx: 1, party: 'customer', start_s: 1.2, link: `#/calls/${fixture.callIds[1]}?t=1.2` });
    expect(hit!.matches.map(({ start, end }) => hit!.text.slice(start, end))).toEqual(['számlámról']);
    expect(body.next_cursor).toBeNull();
  });

  it('filters by party and language, pages with a cursor', async () => {
    expect((await search('q=charged&party=agent')).body.items).toEqual([]);
    expect((await search('q=charged&party=customer')).body.items.map((hit) => hit.call_id)).toEqual([fixture.callIds[0]]);
    expect((await search('q=charged&language=hu')).body.items).toEqual([]);
    const first = await search('q=for&limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await search(`q=for&limit=1&cursor=${first.body.next_cursor}`);
    expect(second.body.items.map((hit) => hit.utterance_idx)).not.toEqual(first.body.items.map((hit) => hit.utterance_idx));
    expect(second.body.next_cursor).toBeNull();
  });

  it('answers 400 with the catalogue code for a malformed query', async () => {
    const { status, body } = await search(`q=${encodeURIComponent('"twice for')}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'CQA_ERR_SEARCH_QUERY_INVALID', message: expect.stringMatching(/quote is not closed/) });
    expect((await search('q=')).status).toBe(400);
  });

  it('serves the new text after a re-analysis, never the old', async () => {
    const changed = { ...seedFindings[0]!, utterances: [{ party: 'customer' as const, start: 0.5, end: 1.5, text: 'My invoices arrived late.' }] };
    await analyzeAndSave(fixture.store, fixture.recordingPaths[0]!, changed, fixture.analyzeConfig);
    expect((await search('q=roaming')).body.items).toEqual([]);
    expect((await search('q=invoice')).body.items.map((hit) => [hit.call_id, hit.text])).toEqual([[fixture.callIds[0], 'My invoices arrived late.']]);
  });
});
