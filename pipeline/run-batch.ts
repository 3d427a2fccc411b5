import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { analyzeCall } from './analyze.ts';
import type { AnalyzeConfig } from './analyze-config.ts';
import type { Effects } from '../core/effects.ts';
import type { CallResult } from './result/call-result.ts';
import { beginRun, failRun, saveCall, type Store } from '../store/index.ts';
import { callqaVersion } from '../core/version.ts';

export interface BatchSummary {
  total: number;
  ok: number;
  failed: number;
  audioS: number;
  elapsedS: number;
}

function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The settings a run is recorded with, so a stored result can be traced to how it was made. */
function describeConfig(config: AnalyzeConfig): Record<string, unknown> {
  return {
    agentChannel: config.agentChannel,
    languages: config.languages,
    forcedLanguage: config.forcedLanguage,
    transcriptPath: config.transcriptPath,
    whisperModel: config.transcription?.modelId ?? null,
    sentimentModel: config.sentiment?.modelId ?? null,
    rulePacks: [...config.rulePacks.values()].map((pack) => pack.files),
  };
}

/**
 * Analyses recordings one by one and stores each in its own transaction, so killing the
 * process loses at most the call in flight; running the batch again completes it.
 * Progress (files done, x real time, ETA by bytes) goes to `effects.log`.
 */
export async function runBatch(
  recordings: readonly string[],
  config: AnalyzeConfig,
  store: Store,
  effects: Effects,
  onResult: (result: CallResult) => void,
): Promise<BatchSummary> {
  const sizes = await Promise.all(recordings.map((file) => stat(file).then((found) => found.size, () => 0)));
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const startedMs = effects.now();
  const summary: BatchSummary = { total: recordings.length, ok: 0, failed: 0, audioS: 0, elapsedS: 0 };
  let doneBytes = 0;
  for (const [index, source] of recordings.entries()) {
    const runId = randomUUID();
    await beginRun(store, { runId, source, callqaVersion, options: describeConfig(config) });
    const analysed = await analyzeCall(source, config, effects);
    if (analysed.status === 'ok') {
      await saveCall(store, { ...analysed.stored, runId });
      summary.ok++;
      summary.audioS += analysed.result.duration_s ?? 0;
    } else {
      const error = analysed.result.error ?? { code: 'CQA_ERR_INTERNAL', message: 'unknown failure' };
      await failRun(store, runId, { ...error, sha256: analysed.sha256 });
      summary.failed++;
      effects.log(`error ${error.code}: ${error.message}`);
    }
    onResult(analysed.result);
    doneBytes += sizes[index] ?? 0;
    summary.elapsedS = (effects.now() - startedMs) / 1000;
    const speed = summary.audioS / Math.max(summary.elapsedS, 1e-3);
    const etaS = doneBytes > 0 ? (summary.elapsedS * (totalBytes - doneBytes)) / doneBytes : 0;
    effects.log(`[${index + 1}/${recordings.length}] ${source}: ${analysed.status} · ${speed.toFixed(0)}x real time · ETA ${formatClock(etaS)}`);
  }
  return summary;
}
