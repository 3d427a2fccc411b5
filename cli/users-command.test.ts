import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommand } from '../api/run-command.test-helper.ts';
import { hashToken } from '../api/services/tokens.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { queryDb } from './run-cli.test-helper.ts';

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
  ])('refuses %j with exit 2 and nothing on stdout', async (args, message) => {
    const outcome = await runUsers([...args, '--db', temp.file('refused.duckdb')]);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('CQA_ERR_CONFIG_INVALID');
    expect(outcome.stderr).toContain(message);
  });

  it('refuses to change an existing user\'s role', async () => {
    const dbPath = temp.file('roles.duckdb');
    await runUsers(['add', 'sam', '--role', 'trainer', '--db', dbPath]);
    const outcome = await runUsers(['add', 'sam', '--role', 'admin', '--db', dbPath]);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toContain('already exists with role trainer');
  });
});
