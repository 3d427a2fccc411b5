import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommand, waitForOutput } from '../api/run-command.test-helper.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { queryDb } from './run-cli.test-helper.ts';

describe('callqa serve', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it('prints the URL and an admin token, answers with it, and stops cleanly on SIGTERM', async () => {
    const dbPath = temp.file('serve.duckdb');
    const server = startCommand('cli/serve-command.ts', 'serveCommand', ['--db', dbPath, '--port', '0', '--print-admin-token']);
    const printed = await waitForOutput(server.child, /admin token: (\S+)\n/);
    const url = /QA server: (http:\/\/127\.0\.0\.1:\d+) /.exec(printed)![1]!;
    const token = /admin token: (\S+)\n/.exec(printed)![1]!;
    const me = await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toEqual({ user_name: 'admin', role: 'admin' });
    expect((await fetch(`${url}/api/v1/calls`)).status).toBe(401);
    server.child.kill('SIGTERM');
    const outcome = await server.done;
    expect(outcome.exitCode).toBe(0);
    expect(await queryDb(dbPath, "SELECT count(*)::INTEGER AS live FROM api_tokens WHERE user_name = 'admin' AND revoked_at IS NULL")).toEqual([{ live: 1 }]);
  });

  it('revokes the previous start-up token on the next start', async () => {
    const dbPath = temp.file('restart.duckdb');
    const tokens: string[] = [];
    for (let start = 0; start < 2; start++) {
      const server = startCommand('cli/serve-command.ts', 'serveCommand', ['--db', dbPath, '--port', '0', '--print-admin-token']);
      tokens.push(/admin token: (\S+)\n/.exec(await waitForOutput(server.child, /admin token: \S+\n/))![1]!);
      server.child.kill('SIGINT');
      expect((await server.done).exitCode).toBe(0);
    }
    expect(new Set(tokens).size).toBe(2);
    expect(await queryDb(dbPath, "SELECT count(*)::INTEGER AS live FROM api_tokens WHERE label = 'startup' AND revoked_at IS NULL")).toEqual([{ live: 1 }]);
  });

  it('refuses a bad port with exit 2', async () => {
    const outcome = await startCommand('cli/serve-command.ts', 'serveCommand', ['--db', temp.file('x.duckdb'), '--port', '99999']).done;
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toContain('--port must be an integer from 0 to 65535');
  });
});
