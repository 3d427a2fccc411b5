/**
 * Runs one exported citty command (`serveCommand`, `usersCommand`) in a child process, the way
 * `callqa <name>` runs it, without depending on how cli/main.ts wires the subcommands.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { watchChild, type StartedCli } from '../core/child-output.test-helper.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function startCommand(modulePath: string, exportName: string, args: readonly string[]): StartedCli {
  const script = `import { runMain } from 'citty'; import { ${exportName} } from './${modulePath}'; await runMain(${exportName}, { rawArgs: process.argv.slice(1) });`;
  return watchChild(spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, '--', ...args], {
    cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'],
  }));
}

/** Resolves with stdout so far once it contains `pattern`. */
export function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolve(seen);
    });
    child.once('close', (code) => reject(new Error(`exited with ${code} before printing ${pattern}`)));
  });
}
