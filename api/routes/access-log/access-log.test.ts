/** The access log over a real HTTP server and DuckDB file: what each kind of read leaves, and the admin route's filters. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';
import type { Role } from '../../roles.ts';
import { tokenIdOf } from '../../services/tokens.ts';

describe('access log', () => {
  let fixture: ApiFixture;
  let baseUrl: string;
  const get = (role: Role | null, url: string, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${url}`, { headers: { ...headers, ...(role && { authorization: `Bearer ${fixture.tokens[role]}` }) } });
  const entries = async (query: string) => {
    const response = await get('admin', `/api/v1/access-log?${query}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Record<string, unknown>[]; next_offset: number | null });
  };
  const entriesOf = async (user: string) => (await entries(`user=${user}`)).items;

  beforeAll(async () => {
    fixture = await createApiFixture();
    baseUrl = await fixture.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => fixture.close());

  it('records a listening once, whatever byte ranges the player asks for next, with who, token id, route and address', async () => {
    const callId = fixture.callIds[0]!;
    const [first, seek, buffer] = [
      await get('qa', `/api/v1/calls/${callId}/audio`, { range: 'bytes=0-' }),
      await get('qa', `/api/v1/calls/${callId}/audio`, { range: 'bytes=1000-' }),
      await get('qa', `/api/v1/calls/${callId}/audio`, { range: 'bytes=2000-2999' }),
    ];
    for (const response of [first, seek, buffer]) {
      expect(response.status).toBe(206);
      await response.arrayBuffer();
    }
    expect(await entriesOf('qa-user')).toEqual([{
      entry_id: expect.any(String), accessed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), user_name: 'qa-user', role: 'qa',
      token_id: tokenIdOf(fixture.tokens.qa), kind: 'listen', outcome: 'served', route: 'GET /api/v1/calls/:callId/audio',
      call_ids: [callId], subject: null, filters: null, address: '127.0.0.1',
    }]);
    const whole = await get('qa', `/api/v1/calls/${callId}/audio`);
    await whole.arrayBuffer();
    expect(await entriesOf('qa-user')).toHaveLength(2);
  });

  it('records a detail read, a clip download and an export with the calls it held and its filters', async () => {
    const [callId, otherCallId] = fixture.callIds;
    expect((await get('supervisor', `/api/v1/calls/${callId}`)).status).toBe(200);
    const tagged = await fixture.request('trainer', 'POST', `/api/v1/calls/${otherCallId}/examples`, { start_s: 1, end_s: 2, label: 'good', guidance_ref: 'G1', note: 'Warm greeting.' });
    const exampleId = tagged.json<{ example_id: string }>().example_id;
    const clip = await get('trainer', `/api/v1/examples/${exampleId}/clip`);
    expect(clip.status).toBe(200);
    await clip.arrayBuffer();
    const exported = await get('supervisor', '/api/v1/exports/calls.csv?from=2000-01-01T00:00:00Z');
    expect(exported.status).toBe(200);
    const exportedIds = (await exported.text()).trim().split('\n').slice(1).map((line) => line.split(',')[0]);
    expect(exportedIds.length).toBeGreaterThan(0);

    const supervisor = await entriesOf('supervisor-user');
    expect(supervisor.map(({ kind, route, call_ids }) => ({ kind, route, call_ids }))).toEqual([
      { kind: 'export', route: 'GET /api/v1/exports/calls.csv', call_ids: expect.arrayContaining(exportedIds) },
      { kind: 'detail', route: 'GET /api/v1/calls/:callId', call_ids: [callId] },
    ]);
    expect((supervisor[0]!.call_ids as string[]).length).toBe(exportedIds.length);
    expect(supervisor[0]!.filters).toEqual({ from: '2000-01-01T00:00:00Z', order: 'desc', sort: 'first_analysed_at' });
    expect(await entriesOf('trainer-user')).toEqual([expect.objectContaining({ kind: 'clip', outcome: 'served', call_ids: [otherCallId], subject: exampleId })]);
  });

  it('records nothing for a request without a valid token (401) or for a call that does not exist (404), and never a token', async () => {
    const before = (await entries('limit=1000')).items.length;
    expect((await get(null, `/api/v1/calls/${fixture.callIds[0]}`)).status).toBe(401);
    expect((await get('qa', '/api/v1/calls/ffffffffffffffff')).status).toBe(404);
    const all = await entries('limit=1000');
    expect(all.items).toHaveLength(before);
    const stored = JSON.stringify(await fixture.store.connection.runAndReadAll('SELECT * FROM access_log').then((reader) => reader.getRowObjectsJson()));
    for (const token of Object.values(fixture.tokens)) expect(stored).not.toContain(token);
  });

  it('filters by call, user and time, and pages', async () => {
    const [callId] = fixture.callIds;
    const byCall = (await entries(`call=${callId}`)).items;
    expect(byCall.length).toBeGreaterThanOrEqual(3);
    expect(byCall.every((entry) => (entry.call_ids as string[]).includes(callId!))).toBe(true);
    expect((await entries(`call=${callId}&user=qa-user`)).items.map((entry) => entry.kind)).toEqual(['listen', 'listen']);
    expect((await entries('from=2999-01-01T00:00:00Z')).items).toEqual([]);
    expect((await entries('to=2000-01-01T00:00:00Z')).items).toEqual([]);
    expect((await entries(`from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z&user=trainer-user`)).items).toHaveLength(1);
    const firstPage = await entries('limit=2');
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.next_offset).toBe(2);
    const secondPage = await entries('limit=2&offset=2');
    expect(secondPage.items[0]!.entry_id).not.toBe(firstPage.items[1]!.entry_id);
    expect((await get('supervisor', '/api/v1/access-log')).status).toBe(403);
  });
});
