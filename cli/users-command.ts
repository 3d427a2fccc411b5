/**
 * `callqa users add NAME --role ROLE [--agent-id ID] [--expires-in-days N]`: creates a user (or reuses one
 * with that role) and prints a new API token as the only line on stdout, so scripts can
 * capture it. The token is shown once; the database keeps only its sha256.
 * `callqa users tokens [NAME] [--json]`: the active tokens (of one user), by id.
 * `callqa users revoke NAME [--token ID]`: revokes the user's tokens, or the one named.
 * All take `--db PATH`.
 */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { formatTextTable } from './summary-table.ts';
import { isRole, roles } from '../api/roles.ts';
import { createSerializedDb, type SerializedDb } from '../api/services/serialized-db.ts';
import { issueToken, listActiveTokens, resolveTokenLifetimeDays, revokeTokens, type TokenRecord } from '../api/services/tokens.ts';
import { CallqaError } from '../core/errors.ts';
import { openStore } from '../store/index.ts';

const userNamePattern = /^[A-Za-z0-9_.@-]{1,64}$/;
const tokenIdPattern = /^[0-9a-f]{16}$/;

const dbArgs = { ...configArg, ...settingArgs(['dbPath']) };

function checkUserName(name: string): void {
  if (!userNamePattern.test(name)) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `user name "${name}" may hold only letters, digits and _ . @ - (1–64 characters)`);
  }
}

/** Opens the database the settings name (flag, env, file) and hands it to `work` with its path. */
async function withDb(args: Readonly<Record<string, unknown>>, work: (db: SerializedDb, dbPath: string) => Promise<void>): Promise<void> {
  const { dbPath } = await loadCommandSettings(args, ['dbPath']);
  const store = await openStore(dbPath.value);
  try {
    await work(createSerializedDb(store), dbPath.value);
  } finally {
    store.close();
  }
}

const tokenColumns = ['token_id', 'user_name', 'role', 'label', 'issued_by', 'created_at', 'expires_at'] as const;

/** A plain-text table of tokens, for people; machines use --json. */
function formatTokenTable(tokens: readonly TokenRecord[]): string {
  return formatTextTable([Array.from(tokenColumns), ...tokens.map((token) => tokenColumns.map((column) => token[column] ?? '-'))]);
}

const addUserCommand = defineCommand({
  meta: { name: 'add', description: 'Create a user with a role and print a new API token' },
  args: {
    name: { type: 'positional', description: 'User name (letters, digits, _ . @ -)', required: true },
    role: { type: 'string', description: `One of: ${roles.join(', ')}`, required: true },
    'expires-in-days': { type: 'string', description: 'Token lifetime (default: CALLQA_TOKEN_LIFETIME_DAYS, else 90)' },
    'agent-id': { type: 'string', description: 'Role agent only: the agent id of the calls the user may see (their own)' },
    ...dbArgs,
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      checkUserName(args.name);
      const agentId = args['agent-id'] ?? null;
      if (agentId !== null && !userNamePattern.test(agentId)) {
        throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--agent-id "${agentId}" may hold only letters, digits and _ . @ - (1–64 characters)`);
      }
      if (!isRole(args.role)) throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--role must be one of ${roles.join(', ')}, got "${args.role}"`);
      const role = args.role;
      const lifetimeDays = resolveTokenLifetimeDays(args['expires-in-days']);
      await withDb(args, async (db, dbPath) => {
        const token = await issueToken(db, { userName: args.name, role, agentId }, { label: 'cli', lifetimeDays });
        process.stdout.write(`${token}\n`);
        effects.log(`token issued for ${args.name} (${role}) in ${dbPath}, valid for ${lifetimeDays} days; it is shown only this once`);
      });
    }),
});

const listTokensCommand = defineCommand({
  meta: { name: 'tokens', description: "List active tokens (neither revoked nor expired), of one user or everyone's" },
  args: {
    name: { type: 'positional', description: 'User name (default: every user)', required: false },
    json: { type: 'boolean', description: 'Print a JSON array instead of a table', default: false },
    ...dbArgs,
  },
  run: ({ args }) =>
    reportFailures(async () => {
      if (args.name !== undefined) checkUserName(args.name);
      await withDb(args, async (db) => {
        const tokens = await listActiveTokens(db, args.name);
        process.stdout.write(args.json ? `${JSON.stringify(tokens, null, 2)}\n` : formatTokenTable(tokens));
      });
    }),
});

const revokeCommand = defineCommand({
  meta: { name: 'revoke', description: "Revoke a user's tokens (all, or the one --token names); the server refuses them at once" },
  args: {
    name: { type: 'positional', description: 'User name', required: true },
    token: { type: 'string', description: 'Token id from `callqa users tokens` (default: every token of the user)' },
    ...dbArgs,
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      checkUserName(args.name);
      if (args.token !== undefined && !tokenIdPattern.test(args.token)) {
        throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--token must be a token id (16 hex digits, from callqa users tokens), got "${args.token}"`);
      }
      await withDb(args, async (db) => {
        const revoked = await revokeTokens(db, args.name, { tokenId: args.token, revokedBy: null });
        effects.log(`revoked ${revoked.length} token(s) of ${args.name}${revoked.length ? `: ${revoked.map((token) => token.token_id).join(', ')}` : ''}`);
      });
    }),
});

export const usersCommand = defineCommand({
  meta: commandMeta.users,
  subCommands: { add: addUserCommand, tokens: listTokensCommand, revoke: revokeCommand },
});
