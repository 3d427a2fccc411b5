/**
 * Side effects a stage may cause, passed in so stages stay pure: the CLI reports to stderr,
 * tests stay silent, the server writes to a job record.
 */
export interface Effects {
  /** A human-readable line about progress or a notice; never goes to stdout. */
  log(line: string): void;
  /** Wall clock in milliseconds; injected so tests can pin it. */
  now(): number;
}

export const silentEffects: Effects = Object.freeze({
  log: () => {},
  now: () => Date.now(),
});

export function createStderrEffects(stream: NodeJS.WritableStream = process.stderr): Effects {
  return Object.freeze({
    log: (line: string) => {
      stream.write(`${line}\n`);
    },
    now: () => Date.now(),
  });
}
