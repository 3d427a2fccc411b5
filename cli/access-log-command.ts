/** `callqa access-log`: who listened to, downloaded, exported or read which call, newest first. */
import { defineCommand } from 'citty';
import { commandMeta } from './command-meta.ts';
import { reportFailures } from './report-failures.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { formatTextTable } from './summary-table.ts';
import { accessLogPageSize, findAccessEntries, type AccessLogRow } from '../api/services/access-log.ts';
import { createSerializedDb } from '../api/services/serialized-db.ts';
import { CallqaError } from '../core/errors.ts';
import { openStore } from '../store/index.ts';

const columns = ['accessed_at', 'user_name', 'role', 'token_id', 'kind', 'outcome', 'route', 'call_ids', 'address'] as const;

function formatAccessTable(entries: readonly AccessLogRow[]): string {
  const cell = (entry: AccessLogRow, column: (typeof columns)[number]) => (column === 'call_ids' ? entry.call_ids.join(' ') || '-' : String(entry[column]));
  return formatTextTable([Array.from(columns), ...entries.map((entry) => columns.map((column) => cell(entry, column)))]);
}

function checked(option: string, value: string | undefined, pattern: RegExp, expected: string): string | undefined {
  if (value !== undefined && !pattern.test(value)) throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--${option} must be ${expected}, got "${value}"`);
  return value;
}

export const accessLogCommand = defineCommand({
  meta: commandMeta['access-log'],
  args: {
    call: { type: 'string', description: 'Only entries that served this call id (16 hex digits)' },
    user: { type: 'string', description: 'Only entries of this user name' },
    limit: { type: 'string', description: `Newest entries shown (default ${accessLogPageSize.default})` },
    json: { type: 'boolean', description: 'Print a JSON array instead of a table', default: false },
    ...configArg,
    ...settingArgs(['dbPath']),
  },
  run: ({ args }) =>
    reportFailures(async () => {
      const call = checked('call', args.call, /^[0-9a-f]{16}$/, 'a call id (16 hex digits)');
      const user = checked('user', args.user, /^[A-Za-z0-9_.@-]{1,64}$/, 'a user name');
      const limit = Number(checked('limit', args.limit, /^[1-9]\d{0,8}$/, 'a positive integer') ?? accessLogPageSize.default);
      const { dbPath } = await loadCommandSettings(args, ['dbPath']);
      const store = await openStore(dbPath.value);
      try {
        const entries = await createSerializedDb(store).read((sql) => findAccessEntries(sql, { ...(call && { call }), ...(user && { user }), limit }));
        process.stdout.write(args.json ? `${JSON.stringify(entries, null, 2)}\n` : formatAccessTable(entries));
      } finally {
        store.close();
      }
    }),
});
