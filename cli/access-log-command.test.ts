/** `callqa access-log` through the real binary, over a database the server wrote entries into. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../api/api-fixture.test-helper.ts';
import { runCli } from './run-cli.test-helper.ts';

describe('callqa access-log', () => {
  let fixture: ApiFixture;
  let dbPath: string;
  beforeAll(async () => {
    fixture = await createApiFixture();
    dbPath = fixture.store.dbPath;
    expect((await fixture.request('qa', 'GET', `/api/v1/calls/${fixture.callIds[0]}`)).statusCode).toBe(200);
    expect((await fixture.request('supervisor', 'GET', `/api/v1/calls/${fixture.callIds[1]}`)).statusCode).toBe(200);
    await fixture.app.close();
    fixture.store.close();
  });
  afterAll(() => fixture.temp.remove());

  it('prints the entries as JSON, filtered by call and by user', async () => {
    const all = await runCli(['access-log', '--json', '--db', dbPath]);
    expect(all.exitCode).toBe(0);
    expect((JSON.parse(all.stdout) as { user_name: string }[]).map((entry) => entry.user_name).sort()).toEqual(['qa-user', 'supervisor-user']);
    const byCall = JSON.parse((await runCli(['access-log', '--json', '--call', fixture.callIds[1]!, '--db', dbPath])).stdout) as { user_name: string; kind: string }[];
    expect(byCall).toEqual([expect.objectContaining({ user_name: 'supervisor-user', kind: 'detail', call_ids: [fixture.callIds[1]] })]);
    const byUser = JSON.parse((await runCli(['access-log', '--json', '--user', 'qa-user', '--db', dbPath])).stdout) as { call_ids: string[] }[];
    expect(byUser.map((entry) => entry.call_ids)).toEqual([[fixture.callIds[0]]]);
  });

  it('prints a table for people, and refuses a malformed call id with exit 2', async () => {
    const table = await runCli(['access-log', '--db', dbPath]);
    expect(table.stdout.split('\n')[0]).toMatch(/^accessed_at\s+user_name\s+role\s+token_id\s+kind\s+outcome\s+route\s+call_ids\s+address$/);
    expect(table.stdout).toContain('GET /api/v1/calls/:callId');
    const refused = await runCli(['access-log', '--call', 'nope', '--db', dbPath]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('--call must be a call id');
  });
});
