/**
 * Counts the runs and wall time of each onnxruntime session of a loaded Whisper, so the bench
 * can show the encoder/decoder split and tests can prove the encoder runs once per chunk.
 */
import type { LoadedWhisper } from './load-whisper.ts';

export interface SessionTally {
  runs: number;
  ms: number;
}

interface RunnableSession {
  run(...args: unknown[]): Promise<unknown>;
}

/** Wraps every session's `run` (transformers.js names the encoder "model", the decoder "decoder_model_merged"); `stop` unwraps. */
export function meterSessions(whisper: LoadedWhisper): { tallies: Record<string, SessionTally>; reset(): void; stop(): void } {
  const sessions = whisper.model.sessions as Record<string, RunnableSession>;
  const tallies: Record<string, SessionTally> = {};
  const originals = new Map<string, RunnableSession['run']>();
  for (const [name, session] of Object.entries(sessions)) {
    const run = session.run;
    originals.set(name, run);
    const tally = (tallies[name] = { runs: 0, ms: 0 });
    session.run = async (...args: unknown[]) => {
      const startedMs = performance.now();
      try {
        return await run.apply(session, args);
      } finally {
        tally.runs++;
        tally.ms += performance.now() - startedMs;
      }
    };
  }
  return {
    tallies,
    reset: () => Object.values(tallies).forEach((tally) => Object.assign(tally, { runs: 0, ms: 0 })),
    stop: () => originals.forEach((run, name) => (sessions[name]!.run = run)),
  };
}
