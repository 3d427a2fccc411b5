/** Resolves with the signal that asks a long-running command (`serve`, `worker`, `ingest`) to stop. */
export const untilStopped = () =>
  new Promise<NodeJS.Signals>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
