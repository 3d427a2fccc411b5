import { stat } from 'node:fs/promises';
import type { Effects } from '../core/effects.ts';
import type { CallRequest } from './analyze.ts';
import type { AnalyzeConfig } from './analyze-config.ts';
import type { CallResult } from './result/call-result.ts';
import { analyzeAndRecord, type CallWriter } from './record-call.ts';

export interface BatchSummary {
  total: number;
  ok: number;
  failed: number;
  /** Seconds of recorded calls analysed; conversations have no audio. */
  audioS: number;
  /** Chat and e-mail conversations analysed. */
  conversations: number;
  elapsedS: number;
}

function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** How far a batch has got: seconds of audio and bytes of recordings done. */
export interface BatchProgress {
  audioS: number;
  elapsedS: number;
  doneBytes: number;
  totalBytes: number;
}

/** Speed and time left, for a progress line: `12x real time · ETA 1:05`, the ETA by bytes done. */
export function describeProgress({ audioS, elapsedS, doneBytes, totalBytes }: BatchProgress, pace: string | null = null): string {
  const speed = audioS / Math.max(elapsedS, 1e-3);
  const etaS = doneBytes > 0 ? (elapsedS * (totalBytes - doneBytes)) / doneBytes : 0;
  return `${pace ?? `${speed.toFixed(0)}x real time`} · ETA ${formatClock(etaS)}`;
}

/**
 * Analyses recordings one by one and stores each in its own transaction, so killing the
 * process loses at most the call in flight; running the batch again completes it.
 * Progress (files done, x real time, ETA by bytes) goes to `effects.log`.
 */
export async function runBatch(
  requests: readonly CallRequest[],
  config: AnalyzeConfig,
  writer: CallWriter,
  effects: Effects,
  onResult: (result: CallResult) => void,
): Promise<BatchSummary> {
  const sizes = await Promise.all(requests.map(({ source }) => stat(source).then((found) => found.size, () => 0)));
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const startedMs = effects.now();
  const summary: BatchSummary = { total: requests.length, ok: 0, failed: 0, audioS: 0, conversations: 0, elapsedS: 0 };
  let doneBytes = 0;
  for (const [index, request] of requests.entries()) {
    const recorded = await analyzeAndRecord(request, config, writer, effects);
    const written = recorded.result.channel === 'chat' || recorded.result.channel === 'email';
    if (recorded.status === 'ok') {
      summary.ok++;
      if (written) summary.conversations++;
      else summary.audioS += recorded.result.duration_s ?? 0;
    } else {
      summary.failed++;
      effects.log(`error ${recorded.error.code}: ${recorded.error.message}`);
    }
    onResult(recorded.result);
    doneBytes += sizes[index] ?? 0;
    summary.elapsedS = (effects.now() - startedMs) / 1000;
    const pace = written ? `${recorded.result.channel}, ${recorded.result.utterances.length} messages` : null;
    const progress = describeProgress({ audioS: summary.audioS, elapsedS: summary.elapsedS, doneBytes, totalBytes }, pace);
    effects.log(`[${index + 1}/${requests.length}] ${request.source}: ${recorded.status} · ${progress}`);
  }
  return summary;
}
