/** Runs the real `callqa` binary in a child process and reads its database afterwards. */
import { spawn } from 'node:child_process';
import { watchChild, type CliOutcome, type StartedCli } from '../core/child-output.test-helper.ts';
import { DuckDBInstance } from '@duckdb/node-api';

export const callqaBin = new URL('../bin/callqa.js', import.meta.url).pathname;

/** `env` adds to this process's environment; `cwd` is where a `callqa.config.json` would be found. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd?: string): StartedCli {
  return watchChild(spawn(process.execPath, [callqaBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, cwd }));
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<CliOutcome> {
  return startCli(args, env, cwd).done;
}

/** Runs one query against a database file that no other process holds. */
export async function queryDb(dbPath: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(sql);
    connection.closeSync();
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    instance.closeSync();
  }
}
