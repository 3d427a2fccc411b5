import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommand } from '../api/run-command.test-helper.ts';
import { hashToken, tokenIdOf } from '../api/services/tokens.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { queryDb, runCli } from './run-cli.test-helper.ts';

const runUsers = (args: string[]) => startCommand('cli/users-command.ts', 'usersCommand', args).done;

describe('callqa users add', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it('prints the new token as the only line on stdout and stores only its hash', async () => {
    const dbPath = temp.file('users.duckdb');
    const outcome = await runUsers(['add', 'dana', '--role', 'qa', '--db', dbPath]);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout).toMatch(/^cqa_[A-Za-z0-9_-]{43}\n$/);
    const token = outcome.stdout.trim();
    expect(await queryDb(dbPath, 'SELECT u.user_name, u.role, t.token_sha256, t.label FROM users u JOIN api_tokens t USING (user_name)')).toEqual([
      { user_name: 'dana', role: 'qa', token_sha256: hashToken(token), label: 'cli' },
    ]);
    const second = await runUsers(['add', 'dana', '--role', 'qa', '--db', dbPath]);
    expect(second.stdout.trim()).not.toBe(token);
  });

  it.each([
    [['add', 'dana', '--role', 'boss'], '--role must be one of qa, supervisor, trainer, admin'],
    [['add', '../dana', '--role', 'qa'], 'user name "../dana"'],
    [['add', 'ada', '--role', 'agent'], 'has role agent but no agent id'],
    [['add', 'ada', '--role', 'qa', '--agent-id', 'agent-7'], 'an agent id is for role agent only'],
    [['add', 'ada', '--role', 'agent', '--agent-id', 'a/7'], '--agent-id "a/7"'],
  ])('refuses %j with exit 2 and nothing on stdout', async (args, message) => {
    const outcome = await runUsers([...args, '--db', temp.file('refused.duckdb')]);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('CQA_ERR_CONFIG_INVALID');
    expect(outcome.stderr).toContain(message);
  });

  it('ties an agent to the agent id of their calls', async () => {
    const dbPath = temp.file('agents.duckdb');
    const outcome = await runUsers(['add', 'ada', '--role', 'agent', '--agent-id', 'agent-7', '--db', dbPath]);
    expect(outcome.exitCode, outcome.stderr).toBe(0);
    expect(await queryDb(dbPath, 'SELECT user_name, role, agent_id FROM users')).toEqual([{ user_name: 'ada', role: 'agent', agent_id: 'agent-7' }]);
    expect((await runUsers(['add', 'ada', '--role', 'agent', '--agent-id', 'agent-8', '--db', dbPath])).stderr).toContain('already exists with role agent (agent agent-7)');
  });

  it('refuses to change an existing user\'s role', async () => {
    const dbPath = temp.file('roles.duckdb');
    await runUsers(['add', 'sam', '--role', 'trainer', '--db', dbPath]);
    const outcome = await runUsers(['add', 'sam', '--role', 'admin', '--db', dbPath]);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toContain('already exists with role trainer');
  });
});

describe('callqa users tokens and revoke', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());
  const expiryDays = async (dbPath: string, token: string) => (await queryDb(
    dbPath, `SELECT round(epoch(expires_at - created_at) / 86400)::INTEGER AS days FROM api_tokens WHERE token_sha256 = '${hashToken(token)}'`,
  ))[0]!.days;

  it('gives tokens 90 days, or --expires-in-days, or CALLQA_TOKEN_LIFETIME_DAYS, and refuses a bad lifetime', async () => {
    const dbPath = temp.file('lifetime.duckdb');
    const byDefault = (await runUsers(['add', 'ivo', '--role', 'qa', '--db', dbPath])).stdout.trim();
    const byFlag = (await runUsers(['add', 'ivo', '--role', 'qa', '--expires-in-days', '3', '--db', dbPath])).stdout.trim();
    const byEnv = (await runCli(['users', 'add', 'ivo', '--role', 'qa', '--db', dbPath], { CALLQA_TOKEN_LIFETIME_DAYS: '12' })).stdout.trim();
    expect([await expiryDays(dbPath, byDefault), await expiryDays(dbPath, byFlag), await expiryDays(dbPath, byEnv)]).toEqual([90, 3, 12]);
    const refused = await runUsers(['add', 'ivo', '--role', 'qa', '--expires-in-days', '0', '--db', dbPath]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('token lifetime must be a whole number of days from 1 to 3650, got "0"');
  });

  it("lists active tokens by id, revokes one or all of a user's, and names unknown users and tokens", async () => {
    const dbPath = temp.file('revoke.duckdb');
    const tokens = [];
    for (const name of ['kim', 'kim', 'lou']) tokens.push((await runUsers(['add', name, '--role', 'trainer', '--db', dbPath])).stdout.trim());
    const [kimFirst, kimSecond, lou] = tokens.map((token) => tokenIdOf(token));
    const listed = await runUsers(['tokens', '--json', '--db', dbPath]);
    expect(listed.exitCode).toBe(0);
    expect((JSON.parse(listed.stdout) as { token_id: string; user_name: string; issued_by: null }[]).map(({ token_id, user_name, issued_by }) => ({ token_id, user_name, issued_by })).sort((a, b) => a.token_id.localeCompare(b.token_id)))
      .toEqual([{ token_id: kimFirst, user_name: 'kim', issued_by: null }, { token_id: kimSecond, user_name: 'kim', issued_by: null }, { token_id: lou, user_name: 'lou', issued_by: null }]
        .sort((a, b) => a.token_id!.localeCompare(b.token_id!)));
    const table = (await runUsers(['tokens', 'kim', '--db', dbPath])).stdout;
    expect(table.split('\n')[0]).toMatch(/^token_id\s+user_name\s+role\s+label\s+issued_by\s+created_at\s+expires_at$/);
    expect(table).toContain(kimFirst);
    expect(table).not.toContain(lou);

    const one = await runUsers(['revoke', 'kim', '--token', kimFirst!, '--db', dbPath]);
    expect(one.exitCode).toBe(0);
    expect(one.stderr).toContain(`revoked 1 token(s) of kim: ${kimFirst}`);
    expect(JSON.parse((await runUsers(['tokens', 'kim', '--json', '--db', dbPath])).stdout)).toMatchObject([{ token_id: kimSecond }]);
    const again = await runUsers(['revoke', 'kim', '--token', kimFirst!, '--db', dbPath]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain(`CQA_ERR_USER_NOT_FOUND: user "kim" has no unrevoked token ${kimFirst}`);

    expect((await runUsers(['revoke', 'kim', '--db', dbPath])).stderr).toContain(`revoked 1 token(s) of kim: ${kimSecond}`);
    expect(await queryDb(dbPath, "SELECT user_name, count(*)::INTEGER AS live FROM api_tokens WHERE revoked_at IS NULL GROUP BY user_name")).toEqual([{ user_name: 'lou', live: 1 }]);
    const unknown = await runUsers(['revoke', 'nobody', '--db', dbPath]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('CQA_ERR_USER_NOT_FOUND: no user "nobody"');
  });
});
