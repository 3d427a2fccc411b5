/**
 * The orchestrator: wires the stages for one recording and hands the result to the store.
 * Stages never call each other or the database; only this file does.
 */
import { analyzeAudio } from './audio/index.ts';
import type { Effects } from './effects.ts';
import { toCallqaError } from './errors.ts';
import { ingestRecording, type CallAudio } from './ingest/index.ts';
import type { CallResult } from './result/call-result.ts';
import { buildCallResult, buildErrorResult } from './result/build-result.ts';
import type { SpeechSegmentRow, StoredCall } from './store/index.ts';

export interface AnalyzeOptions {
  /** Stereo channel carrying the agent (the other carries the customer). */
  agentChannel: 0 | 1;
}

export type AnalysedCall =
  | { status: 'ok'; result: StoredCall['result']; stored: Omit<StoredCall, 'runId'> }
  | { status: 'error'; result: CallResult; sha256: string | null };

async function timed<T>(timings: Record<string, number>, stage: string, effects: Effects, work: () => Promise<T>): Promise<T> {
  const startedMs = effects.now();
  try {
    return await work();
  } finally {
    timings[stage] = effects.now() - startedMs;
  }
}

/** Runs every stage over one recording; failures come back as an error result, never thrown. */
export async function analyzeCall(source: string, options: AnalyzeOptions, effects: Effects): Promise<AnalysedCall> {
  const timings: Record<string, number> = {};
  let audio: CallAudio | undefined;
  try {
    audio = await timed(timings, 'ingest', effects, () => ingestRecording(source, options, effects));
    const ingested = audio;
    const acoustics = await timed(timings, 'audio', effects, () => analyzeAudio(ingested, effects));
    const result = buildCallResult({ probe: ingested.probe, acoustics });
    const speechSegments: SpeechSegmentRow[] = [];
    return {
      status: 'ok',
      result,
      stored: {
        result,
        sizeBytes: ingested.probe.sizeBytes,
        agentChannel: ingested.probe.channels === 2 ? options.agentChannel : null,
        speechSegments,
        stageTimingsMs: timings,
      },
    };
  } catch (thrown) {
    const error = toCallqaError(thrown);
    const sha256 = audio?.probe.sha256 ?? null;
    return { status: 'error', result: buildErrorResult(source, sha256, error), sha256 };
  }
}
