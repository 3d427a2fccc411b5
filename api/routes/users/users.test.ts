/**
 * Tokens over the API: lifetime and expiry, the active list, revocation, and who minted a
 * token for whom, carried into the reviews made with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';
import { createSerializedDb } from '../../services/serialized-db.ts';
import { tokenIdOf } from '../../services/tokens.ts';

const dayMs = 86_400_000;

describe('users and tokens', () => {
  let fixture: ApiFixture;
  const asToken = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    fixture.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
  const mint = async (body: object) => {
    const response = await fixture.request('admin', 'POST', '/api/v1/users', body);
    expect(response.statusCode).toBe(201);
    return response.json() as { user_name: string; token: string; token_id: string; expires_at: string };
  };
  const db = () => createSerializedDb(fixture.store);
  beforeAll(async () => {
    fixture = await createApiFixture({ tokenLifetimeDays: 7 });
  });
  afterAll(() => fixture.close());

  it("issues tokens for the server's lifetime unless the request names one", async () => {
    const byDefault = await mint({ user_name: 'lena', role: 'qa' });
    expect(byDefault.token_id).toBe(tokenIdOf(byDefault.token));
    expect(Date.parse(byDefault.expires_at) - Date.now()).toBeGreaterThan(7 * dayMs - 60_000);
    expect(Date.parse(byDefault.expires_at) - Date.now()).toBeLessThanOrEqual(7 * dayMs);
    const short = await mint({ user_name: 'lena', role: 'qa', expires_in_days: 1 });
    expect(Math.round((Date.parse(short.expires_at) - Date.now()) / dayMs)).toBe(1);
    const refused = await fixture.request('admin', 'POST', '/api/v1/users', { user_name: 'lena', role: 'qa', expires_in_days: 0 });
    expect(refused.statusCode).toBe(400);
  });

  it('refuses an expired token with a 401 naming it and when it expired, and leaves it out of the list', async () => {
    const issued = await mint({ user_name: 'omar', role: 'supervisor' });
    expect((await asToken(issued.token, 'GET', '/api/v1/me')).statusCode).toBe(200);
    await db().run("UPDATE api_tokens SET expires_at = TIMESTAMPTZ '2020-01-01 00:00:00+00' WHERE left(token_sha256, 16) = $1", [issued.token_id]);
    const expired = await asToken(issued.token, 'GET', '/api/v1/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({
      statusCode: 401, code: 'CQA_ERR_API_TOKEN_EXPIRED', error: 'Unauthorized',
      message: expect.stringContaining(`token ${issued.token_id} of user omar expired at 2020-01-01T00:00:00.000Z`),
    });
    expect((await fixture.request('admin', 'GET', '/api/v1/users/omar/tokens')).json()).toEqual([]);
  });

  it("lists a user's active tokens with who minted them, and revokes one of them", async () => {
    const first = await mint({ user_name: 'pia', role: 'trainer' });
    const second = await mint({ user_name: 'pia', role: 'trainer' });
    const listed = await fixture.request('admin', 'GET', '/api/v1/users/pia/tokens');
    expect(listed.statusCode).toBe(200);
    expect((listed.json() as { token_id: string }[]).map((token) => token.token_id).sort()).toEqual([first.token_id, second.token_id].sort());
    expect(listed.json()[0]).toMatchObject({ user_name: 'pia', role: 'trainer', label: 'api', issued_by: 'admin-user', revoked_at: null });
    expect(JSON.stringify(listed.json())).not.toContain(first.token);

    const revoked = await fixture.request('admin', 'DELETE', `/api/v1/users/pia/tokens/${first.token_id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ token_id: first.token_id, revoked_by: 'admin-user', revoked_at: expect.any(String) });
    expect((await asToken(first.token, 'GET', '/api/v1/me')).statusCode).toBe(401);
    expect((await asToken(second.token, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await fixture.request('admin', 'GET', '/api/v1/users/pia/tokens')).json()).toMatchObject([{ token_id: second.token_id }]);

    for (const url of [`/api/v1/users/pia/tokens/${first.token_id}`, '/api/v1/users/pia/tokens/0123456789abcdef', `/api/v1/users/nobody/tokens/${second.token_id}`]) {
      const missing = await fixture.request('admin', 'DELETE', url);
      expect(missing.statusCode, url).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'CQA_ERR_USER_NOT_FOUND' });
    }
    expect((await fixture.request('admin', 'GET', '/api/v1/users/nobody/tokens')).statusCode).toBe(404);
  });

  it('records who minted a token for another user, the built-in admin included, in the token and in the reviews made with it', async () => {
    const asBuiltInAdmin = await mint({ user_name: 'admin', role: 'admin' });
    const [row] = await db().all<{ issued_by: string | null; label: string }>(
      'SELECT issued_by, label FROM api_tokens WHERE left(token_sha256, 16) = $1', [asBuiltInAdmin.token_id],
    );
    expect(row).toEqual({ issued_by: 'admin-user', label: 'api' });

    const callId = fixture.callIds[0]!;
    const minted = await asToken(asBuiltInAdmin.token, 'POST', `/api/v1/calls/${callId}/reviews`, { target: 'score', score: 99, comment: 'as admin' });
    expect(minted.statusCode).toBe(201);
    expect(minted.json()).toMatchObject({ reviewer: 'admin', token_issued_by: 'admin-user' });
    const own = await fixture.request('qa', 'POST', `/api/v1/calls/${callId}/reviews`, { target: 'score', score: 50, comment: 'own token' });
    expect(own.json()).toMatchObject({ reviewer: 'qa-user', token_issued_by: null });
    const history = (await fixture.request('qa', 'GET', `/api/v1/calls/${callId}/reviews`)).json() as { comment: string; reviewer: string; token_issued_by: string | null }[];
    expect(history.map(({ comment, reviewer, token_issued_by }) => ({ comment, reviewer, token_issued_by }))).toEqual([
      { comment: 'as admin', reviewer: 'admin', token_issued_by: 'admin-user' },
      { comment: 'own token', reviewer: 'qa-user', token_issued_by: null },
    ]);
  });
});
