/**
 * The access policy as a table (who may use which route), checked against what every route
 * declares and enforces; tokens, security headers, rate limits and 5xx answers.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from './roles.ts';
import { createSerializedDb } from './services/serialized-db.ts';
import { saveTranscriptCall } from '../store/search/search-calls.test-helper.ts';
import { createApiFixture, type ApiFixture } from './api-fixture.test-helper.ts';

const everyone = roles;
const staff: readonly Role[] = ['qa', 'supervisor', 'trainer', 'admin'];
const policy: Readonly<Record<string, readonly Role[]>> = {
  'GET /api/v1/calls': everyone,
  'GET /api/v1/calls/:callId': everyone,
  'GET /api/v1/calls/:callId/audio': everyone,
  'DELETE /api/v1/calls/:callId': ['admin'],
  'GET /api/v1/search': everyone,
  'GET /api/v1/calls/:callId/reviews': everyone,
  'POST /api/v1/calls/:callId/reviews': ['qa', 'admin'],
  'GET /api/v1/agents/stats': ['supervisor', 'admin'],
  'GET /api/v1/agents/coaching-flags': ['supervisor', 'admin'],
  'GET /api/v1/kpis': ['supervisor', 'admin'],
  'POST /api/v1/rescores': ['admin'],
  'GET /api/v1/rescores/:runId': ['supervisor', 'admin'],
  'POST /api/v1/calls/:callId/examples': ['trainer', 'admin'],
  'GET /api/v1/examples': staff,
  'GET /api/v1/examples/:exampleId': staff,
  'DELETE /api/v1/examples/:exampleId': ['trainer', 'admin'],
  'GET /api/v1/examples/:exampleId/clip': staff,
  'POST /api/v1/uploads': ['qa', 'supervisor', 'admin'],
  'GET /api/v1/jobs/:jobId': ['qa', 'supervisor', 'admin'],
  'GET /api/v1/jobs/dead-letters': ['qa', 'supervisor', 'admin'],
  'GET /api/v1/exports/calls.csv': staff,
  'GET /api/v1/exports/calls.arrow': staff,
  'GET /api/v1/me': everyone,
  'GET /api/v1/access-log': ['admin'],
  'POST /api/v1/users': ['admin'],
  'GET /api/v1/users/:userName/tokens': ['admin'],
  'DELETE /api/v1/users/:userName/tokens/:tokenId': ['admin'],
  'POST /api/v1/sampling-policies': ['qa', 'supervisor', 'admin'],
  'GET /api/v1/sampling-policies': ['qa', 'supervisor', 'admin'],
  'POST /api/v1/sampling-policies/:policyId/runs': ['qa', 'supervisor', 'admin'],
  'GET /api/v1/review-queue': ['qa', 'admin'],
  'POST /api/v1/calibrations': ['qa', 'supervisor', 'admin'],
  'GET /api/v1/calibrations': ['qa', 'supervisor', 'admin'],
  'GET /api/v1/calibrations/machine-agreement': ['qa', 'supervisor', 'admin'],
  'GET /api/v1/calibrations/:sessionId': ['qa', 'supervisor', 'admin'],
  'POST /api/v1/calibrations/:sessionId/answers': ['qa', 'supervisor', 'admin'],
  'GET /api/v1/calibrations/:sessionId/agreement': ['qa', 'supervisor', 'admin'],
  'POST /api/v1/calls/:callId/acknowledgement': ['agent'],
  'POST /api/v1/calls/:callId/disputes': ['agent'],
  'GET /api/v1/agent-responses': ['qa', 'supervisor', 'admin', 'agent'],
  'POST /api/v1/disputes/:responseId/resolution': ['qa', 'supervisor', 'admin'],
};
const routeCases = Object.entries(policy).map(([route, allowed]) => ({ route, allowed }));

/** A request that succeeds for any role the route admits: what it sends, and the status it answers. */
interface ValidRequest {
  url: string;
  payload?: object | Buffer;
  headers?: Record<string, string>;
  status: number;
}

type ValidRequests = Readonly<Record<string, (role: Role) => Promise<ValidRequest>>>;

/**
 * One valid request per route, for the role that sends it. Routes that consume what they act
 * on (deleting an example, revoking a token, submitting calibration answers) get a fresh one
 * per request, made through the API itself. Calibration sessions are scored by two peers who
 * send nothing else, so no role of the matrix is ever kept blind to the seeded calls.
 */
function createValidRequests(fixture: ApiFixture, recording: Buffer, jobId: string): ValidRequests {
  const callUrl = `/api/v1/calls/${fixture.callIds[0]}`;
  const exampleBody = { start_s: 0.2, end_s: 1.4, label: 'good', guidance_ref: 'G1', note: 'a clear greeting' };
  const newExampleId = async () => (await fixture.request('admin', 'POST', `${callUrl}/examples`, exampleBody)).json().example_id as string;
  let sharedExampleId: string | undefined;
  const exampleId = async () => (sharedExampleId ??= await newExampleId());
  let mintedUsers = 0;
  let doomedCalls = 0;
  let sharedRescoreRunId: string | undefined;
  const samplingPolicy = { name: 'matrix', assignee: 'qa-user', period: 'week', pick: { kind: 'count', per_agent: 1 } };
  let sharedPolicyId: string | undefined;
  const policyId = async () => (sharedPolicyId ??= (await fixture.request('admin', 'POST', '/api/v1/sampling-policies', samplingPolicy)).json().policy_id as string);
  let peers: Promise<unknown> | undefined;
  const calibrationPeers = ['peer-a', 'peer-b'];
  const ensurePeers = () => (peers ??= Promise.all(calibrationPeers.map((user_name) => fixture.request('admin', 'POST', '/api/v1/users', { user_name, role: 'qa' }))));
  const newSession = async (evaluators: string[]) => {
    await ensurePeers();
    const session = { name: 'matrix', call_ids: fixture.callIds, rule_ids: ['greeting'], evaluators: [...calibrationPeers, ...evaluators] };
    return (await fixture.request('admin', 'POST', '/api/v1/calibrations', session)).json().session_id as string;
  };
  let sharedSessionId: string | undefined;
  const sessionId = async () => (sharedSessionId ??= await newSession([]));
  /** An open dispute of the first call's score: the one left open, else a new one. */
  const openDisputeId = async () => {
    const [open] = (await fixture.request('admin', 'GET', `/api/v1/agent-responses?status=open&call=${fixture.callIds[0]}`)).json() as { response_id: string; rule_id: string | null }[];
    if (open?.rule_id === null) return open.response_id;
    return (await fixture.request('agent', 'POST', `${callUrl}/disputes`, { comment: 'matrix' })).json().response_id as string;
  };
  const rescoreRunId = async () =>
    (sharedRescoreRunId ??= (await fixture.request('admin', 'POST', '/api/v1/rescores', { agent: 'nobody' })).json().run_id as string);
  return {
    'GET /api/v1/calls': async () => ({ url: '/api/v1/calls?limit=5', status: 200 }),
    'GET /api/v1/calls/:callId': async () => ({ url: callUrl, status: 200 }),
    'GET /api/v1/calls/:callId/audio': async () => ({ url: `${callUrl}/audio`, status: 200 }),
    'DELETE /api/v1/calls/:callId': async () => {
      const doomed = await saveTranscriptCall(fixture.store, { name: `doomed-${++doomedCalls}`, language: 'en', utterances: [{ party: 'agent', start: 1, end: 2, text: 'Goodbye.' }] });
      return { url: `/api/v1/calls/${doomed}`, status: 200 };
    },
    'GET /api/v1/search': async () => ({ url: '/api/v1/search?q=roaming&party=customer', status: 200 }),
    'GET /api/v1/calls/:callId/reviews': async () => ({ url: `${callUrl}/reviews`, status: 200 }),
    'POST /api/v1/calls/:callId/reviews': async () => ({ url: `${callUrl}/reviews`, payload: { target: 'score', score: 80, comment: 'matrix' }, status: 201 }),
    'GET /api/v1/agents/stats': async () => ({ url: '/api/v1/agents/stats?period=day', status: 200 }),
    'GET /api/v1/agents/coaching-flags': async () => ({ url: '/api/v1/agents/coaching-flags?window_calls=10', status: 200 }),
    'GET /api/v1/kpis': async () => ({ url: '/api/v1/kpis?by=agent', status: 200 }),
    // A rescore selecting no call: valid, and it leaves the seeded calls as the other routes expect them.
    'POST /api/v1/rescores': async () => ({ url: '/api/v1/rescores', payload: { agent: 'nobody' }, status: 200 }),
    'GET /api/v1/rescores/:runId': async () => ({ url: `/api/v1/rescores/${await rescoreRunId()}`, status: 200 }),
    'POST /api/v1/calls/:callId/examples': async () => ({ url: `${callUrl}/examples`, payload: exampleBody, status: 201 }),
    'GET /api/v1/examples': async () => ({ url: '/api/v1/examples?label=good', status: 200 }),
    'GET /api/v1/examples/:exampleId': async () => ({ url: `/api/v1/examples/${await exampleId()}`, status: 200 }),
    'DELETE /api/v1/examples/:exampleId': async () => ({ url: `/api/v1/examples/${await newExampleId()}`, status: 204 }),
    'GET /api/v1/examples/:exampleId/clip': async () => ({ url: `/api/v1/examples/${await exampleId()}/clip`, status: 200 }),
    'POST /api/v1/uploads': async () => ({
      url: '/api/v1/uploads?filename=matrix.wav', payload: recording, headers: { 'content-type': 'application/octet-stream' }, status: 202,
    }),
    'GET /api/v1/jobs/:jobId': async () => ({ url: `/api/v1/jobs/${jobId}`, status: 200 }),
    'GET /api/v1/jobs/dead-letters': async () => ({ url: '/api/v1/jobs/dead-letters', status: 200 }),
    'GET /api/v1/exports/calls.csv': async () => ({ url: '/api/v1/exports/calls.csv?language=en', status: 200 }),
    'GET /api/v1/exports/calls.arrow': async () => ({ url: '/api/v1/exports/calls.arrow', status: 200 }),
    'GET /api/v1/me': async () => ({ url: '/api/v1/me', status: 200 }),
    'GET /api/v1/access-log': async () => ({ url: `/api/v1/access-log?call=${fixture.callIds[0]}&user=qa-user&from=2020-01-01T00:00:00Z&limit=10`, status: 200 }),
    'POST /api/v1/users': async () => ({ url: '/api/v1/users', payload: { user_name: `matrix-${++mintedUsers}`, role: 'trainer' }, status: 201 }),
    'GET /api/v1/users/:userName/tokens': async () => ({ url: '/api/v1/users/qa-user/tokens', status: 200 }),
    'POST /api/v1/sampling-policies': async () => ({ url: '/api/v1/sampling-policies', payload: samplingPolicy, status: 201 }),
    'GET /api/v1/sampling-policies': async () => ({ url: '/api/v1/sampling-policies', status: 200 }),
    'POST /api/v1/sampling-policies/:policyId/runs': async () => ({
      url: `/api/v1/sampling-policies/${await policyId()}/runs`, payload: { from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' }, status: 201,
    }),
    'GET /api/v1/review-queue': async () => ({ url: '/api/v1/review-queue?status=all', status: 200 }),
    'POST /api/v1/calibrations': async () => {
      await ensurePeers();
      return { url: '/api/v1/calibrations', payload: { name: 'matrix', call_ids: fixture.callIds, evaluators: calibrationPeers }, status: 201 };
    },
    'GET /api/v1/calibrations': async () => ({ url: '/api/v1/calibrations', status: 200 }),
    'GET /api/v1/calibrations/machine-agreement': async () => ({ url: '/api/v1/calibrations/machine-agreement', status: 200 }),
    'GET /api/v1/calibrations/:sessionId': async () => ({ url: `/api/v1/calibrations/${await sessionId()}`, status: 200 }),
    'POST /api/v1/calibrations/:sessionId/answers': async (role) => ({
      url: `/api/v1/calibrations/${await newSession(['qa', 'supervisor', 'admin'].includes(role) ? [`${role}-user`] : [])}/answers`,
      payload: { answers: fixture.callIds.map((call_id) => ({ call_id, rule_id: 'greeting', status: 'pass' })) }, status: 201,
    }),
    'GET /api/v1/calibrations/:sessionId/agreement': async () => ({ url: `/api/v1/calibrations/${await sessionId()}/agreement`, status: 200 }),
    'POST /api/v1/calls/:callId/acknowledgement': async () => ({ url: `${callUrl}/acknowledgement`, payload: {}, status: 201 }),
    'POST /api/v1/calls/:callId/disputes': async () => ({ url: `${callUrl}/disputes`, payload: { comment: 'matrix' }, status: 201 }),
    'GET /api/v1/agent-responses': async () => ({ url: '/api/v1/agent-responses?status=all', status: 200 }),
    'POST /api/v1/disputes/:responseId/resolution': async () => ({
      url: `/api/v1/disputes/${await openDisputeId()}/resolution`, payload: { outcome: 'upheld', comment: 'matrix' }, status: 200,
    }),
    'DELETE /api/v1/users/:userName/tokens/:tokenId': async () => {
      const { user_name, token_id } = (await fixture.request('admin', 'POST', '/api/v1/users', { user_name: `revoked-${++mintedUsers}`, role: 'qa' })).json();
      return { url: `/api/v1/users/${user_name}/tokens/${token_id}`, status: 200 };
    },
  };
}

describe('access and security', () => {
  let fixture: ApiFixture;
  let validRequests: ValidRequests;
  // A deletion names a call that does not exist, so no admitted request removes a seeded call.
  const urlOf = (route: string) =>
    route.split(' ')[1]!.replace(':callId', route.startsWith('DELETE /api/v1/calls/') ? '0000000000000000' : fixture.callIds[0]!).replace(/:(exampleId|jobId|runId|policyId|sessionId|responseId)/, '00000000-0000-4000-8000-000000000000')
      .replace(':userName', 'qa-user').replace(':tokenId', '0123456789abcdef');
  beforeAll(async () => {
    fixture = await createApiFixture();
    const recording = await readFile(fixture.recordingPaths[0]!);
    const upload = await fixture.app.inject({
      method: 'POST', url: '/api/v1/uploads?filename=matrix.wav', payload: recording,
      headers: { authorization: `Bearer ${fixture.tokens.admin}`, 'content-type': 'application/octet-stream' },
    });
    validRequests = createValidRequests(fixture, recording, upload.json().job_id);
  });
  afterAll(() => fixture.close());

  it('has a valid request for every route of the policy', () => {
    expect(Object.keys(validRequests).sort()).toEqual(Object.keys(policy).sort());
  });

  it.each(routeCases)('$route succeeds for each of $allowed with a valid request', async ({ route, allowed }) => {
    const method = route.split(' ')[0] as 'GET' | 'POST' | 'DELETE';
    for (const role of allowed) {
      const { url, payload, headers, status } = await validRequests[route]!(role);
      const response = await fixture.app.inject({ method, url, payload, headers: { ...headers, authorization: `Bearer ${fixture.tokens[role]}` } });
      expect(response.statusCode, `${role} on ${route}: ${response.body.slice(0, 300)}`).toBe(status);
    }
  });

  it.each(routeCases)('$route refuses the roles it does not admit, even with a valid request', async ({ route, allowed }) => {
    const method = route.split(' ')[0] as 'GET' | 'POST' | 'DELETE';
    for (const role of roles.filter((candidate) => !allowed.includes(candidate))) {
      const { url, payload, headers } = await validRequests[route]!(role);
      const response = await fixture.app.inject({ method, url, payload, headers: { ...headers, authorization: `Bearer ${fixture.tokens[role]}` } });
      expect(response.statusCode, `${role} on ${route}`).toBe(403);
      expect(response.json()).toMatchObject({ code: 'CQA_ERR_API_FORBIDDEN', error: 'Forbidden' });
    }
  });

  it('documents exactly the routes of the policy, each with its roles', async () => {
    const document = (await fixture.app.inject('/docs/openapi.json')).json();
    const documented = Object.fromEntries(
      Object.entries(document.paths as Record<string, Record<string, { 'x-roles': Role[] }>>)
        .filter(([path]) => path.startsWith('/api/'))
        .flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) =>
          [`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, operation['x-roles']])),
    );
    expect(documented).toEqual(policy);
  });

  it.each(routeCases)('$route admits $allowed and refuses the other roles', async ({ route, allowed }) => {
    const method = route.split(' ')[0] as 'GET' | 'POST' | 'DELETE';
    for (const role of roles) {
      const response = await fixture.request(role, method, urlOf(route));
      if (allowed.includes(role)) {
        expect([401, 403], `${role} on ${route}`).not.toContain(response.statusCode);
      } else {
        expect(response.statusCode, `${role} on ${route}`).toBe(403);
        expect(response.json()).toMatchObject({ code: 'CQA_ERR_API_FORBIDDEN', error: 'Forbidden' });
        expect(response.json().message).toContain(`role ${role}`);
      }
    }
  });

  it.each(routeCases)('$route answers 401 without a valid token', async ({ route }) => {
    const method = route.split(' ')[0] as 'GET' | 'POST' | 'DELETE';
    for (const authorization of [undefined, `Basic ${fixture.tokens.admin}`, 'Bearer cqa_not-a-token', `Bearer ${fixture.tokens.admin}x`]) {
      const response = await fixture.app.inject({ method, url: urlOf(route), headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ statusCode: 401, code: 'CQA_ERR_API_UNAUTHENTICATED', error: 'Unauthorized' });
    }
  });

  it('stops accepting a revoked token', async () => {
    const issued = (await fixture.request('admin', 'POST', '/api/v1/users', { user_name: 'temp', role: 'qa' })).json();
    const asTemp = () => fixture.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${issued.token}` } });
    expect((await asTemp()).json()).toEqual({ user_name: 'temp', role: 'qa' });
    await createSerializedDb(fixture.store).run("UPDATE api_tokens SET revoked_at = now() WHERE user_name = 'temp'");
    expect((await asTemp()).statusCode).toBe(401);
  });

  it('keeps only token hashes in the database', async () => {
    const rows = await createSerializedDb(fixture.store).all<{ token_sha256: string }>('SELECT token_sha256 FROM api_tokens');
    expect(rows.length).toBeGreaterThanOrEqual(roles.length);
    for (const token of Object.values(fixture.tokens)) expect(rows.map((row) => row.token_sha256)).not.toContain(token);
  });

  it('sends security headers on answers, errors and the docs, which are public', async () => {
    for (const response of [
      await fixture.request('qa', 'GET', '/api/v1/calls'),
      await fixture.request(null, 'GET', '/api/v1/calls'),
      await fixture.app.inject('/docs'),
      await fixture.app.inject('/nowhere'),
    ]) {
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer',
        'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      });
    }
    expect((await fixture.request('qa', 'GET', '/api/v1/calls')).headers['cache-control']).toBe('no-store');
    const docs = await fixture.app.inject('/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('/api/v1/calls/:callId/audio');
  });

  it('answers unknown routes with a catalogue 404', async () => {
    const response = await fixture.request('qa', 'GET', '/api/v1/nothing');
    expect(response.json()).toMatchObject({ statusCode: 404, code: 'CQA_ERR_API_NOT_FOUND', error: 'Not Found' });
  });

  it('answers internal failures with 500 and a request id, never the cause', async () => {
    const db = createSerializedDb(fixture.store);
    // A stored result that breaks the contract makes the response serialiser throw.
    await db.run(`UPDATE calls SET result_json = '{"schema": "callqa.call/1", "secret": "/srv/x"}' WHERE call_id = $1`, [fixture.callIds[1]!]);
    const response = await fixture.request('qa', 'GET', `/api/v1/calls/${fixture.callIds[1]}`);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500, code: 'CQA_ERR_INTERNAL', error: 'Internal Server Error',
      message: expect.stringMatching(/^an unexpected internal failure \(request req-\w+\); the server log has the details$/),
    });
  });
});

describe('rate limits', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture({
      rateLimit: { perAddress: { maxRequests: 6, windowMs: 60_000 }, perUser: { maxRequests: 3, windowMs: 60_000 }, maxTrackedKeys: 100 },
    });
  });
  afterAll(() => fixture.close());

  it('limits each user, then the address, with 429 and Retry-After', async () => {
    const statuses = async (role: Role | null, count: number) =>
      Promise.all(Array.from({ length: count }, () => fixture.request(role, 'GET', '/api/v1/me'))).then((responses) => responses.map((r) => r.statusCode));
    expect(await statuses('qa', 4)).toEqual([200, 200, 200, 429]);
    expect(await statuses('supervisor', 1)).toEqual([200]);
    expect(await statuses(null, 1)).toEqual([401]);
    const limited = await fixture.request('trainer', 'GET', '/api/v1/me');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'CQA_ERR_API_RATE_LIMITED', error: 'Too Many Requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
