/**
 * `callqa users add NAME --role ROLE [--db PATH]`: creates a user (or reuses one with that
 * role) and prints a new API token as the only line on stdout, so scripts can capture it.
 * The token is shown once; the database keeps only its sha256.
 */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { isRole, roles } from '../api/roles.ts';
import { createSerializedDb } from '../api/services/serialized-db.ts';
import { issueToken } from '../api/services/tokens.ts';
import { CallqaError } from '../core/errors.ts';
import { openStore } from '../store/index.ts';

const userNamePattern = /^[A-Za-z0-9_.@-]{1,64}$/;

const addUserCommand = defineCommand({
  meta: { name: 'add', description: 'Create a user with a role and print a new API token' },
  args: {
    name: { type: 'positional', description: 'User name (letters, digits, _ . @ -)', required: true },
    role: { type: 'string', description: `One of: ${roles.join(', ')}`, required: true },
    ...configArg,
    ...settingArgs(['dbPath']),
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      if (!userNamePattern.test(args.name)) {
        throw new CallqaError('CQA_ERR_CONFIG_INVALID', `user name "${args.name}" may hold only letters, digits and _ . @ - (1–64 characters)`);
      }
      if (!isRole(args.role)) throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--role must be one of ${roles.join(', ')}, got "${args.role}"`);
      const { dbPath } = await loadCommandSettings(args, ['dbPath']);
      const store = await openStore(dbPath.value);
      try {
        const token = await issueToken(createSerializedDb(store), { userName: args.name, role: args.role }, 'cli');
        process.stdout.write(`${token}\n`);
        effects.log(`token issued for ${args.name} (${args.role}) in ${dbPath.value}; it is shown only this once`);
      } finally {
        store.close();
      }
    }),
});

export const usersCommand = defineCommand({
  meta: commandMeta.users,
  subCommands: { add: addUserCommand },
});
