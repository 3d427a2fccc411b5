import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { watchChild, type CliOutcome } from '../core/child-output.test-helper.ts';
import { runCli } from './run-cli.test-helper.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const packageVersion = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const commands = Object.values((JSON.parse(readFileSync(new URL('./command-meta.json', import.meta.url), 'utf8')) as { commands: Record<string, { name: string; description: string }> }).commands);

/** cli/main.ts through tsx, bypassing the answers bin/callqa.js gives before registering it. */
const runMainModule = (args: string[]): Promise<CliOutcome> =>
  watchChild(spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })).done;

describe('callqa entry point', () => {
  it.each([['--version'], ['-v'], ['--help'], ['-h']])('bin/callqa.js answers %s as cli/main.ts does', async (flag) => {
    const [quick, full] = await Promise.all([runCli([flag]), runMainModule([flag])]);
    expect(quick).toEqual(full);
    expect(quick.exitCode).toBe(0);
  });

  it('prints the package version and lists every subcommand with its description', async () => {
    expect((await runCli(['--version'])).stdout).toBe(`${packageVersion}\n`);
    const help = (await runCli(['--help'])).stdout;
    for (const { name, description } of commands) expect(help).toMatch(new RegExp(`${name}\\S*\\s+${description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('loads a command for its own help, whose setting flags carry no citty default', async () => {
    const outcome = await runCli(['analyze', '--help']);
    expect(outcome.exitCode).toBe(0);
    const dbLine = outcome.stdout.split('\n').find((line) => line.includes('--db='));
    expect(dbLine).toContain('built-in: data/callqa.duckdb');
    expect(dbLine).not.toContain('Default:');
    expect(outcome.stdout).toContain('--config=');
  });

  it('a command group without a subcommand still fails with usage', async () => {
    const outcome = await runCli(['models']);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toContain('No command specified.');
    expect(outcome.stdout).toContain('list|pull|verify|path');
  });
});
