/** Collects what a child process prints, for tests that run the CLI or a single command. */
import type { ChildProcess } from 'node:child_process';

export interface CliOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface StartedCli {
  child: ChildProcess;
  done: Promise<CliOutcome>;
}

/** Collects a child's stdout and stderr until it closes. */
export function watchChild(child: ChildProcess): StartedCli {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliOutcome>((resolve) => child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr })));
  return { child, done };
}
