/**
 * The body of an analysis job: the same steps as `callqa analyze` for one file, with the
 * database touched only under the server's lock (beginRun, then saveCall or failRun) and the
 * slow part, analyzeCall, outside it, so reads go on while a recording is analysed.
 */
import { randomUUID } from 'node:crypto';
import { analyzeCall } from '../../pipeline/analyze.ts';
import type { AnalyzeConfig } from '../../pipeline/analyze-config.ts';
import type { Effects } from '../../core/effects.ts';
import { toCallqaError } from '../../core/errors.ts';
import { beginRun, failRun, saveCall } from '../../store/index.ts';
import { callqaVersion } from '../../core/version.ts';
import type { SerializedDb } from './serialized-db.ts';

export interface UploadAnalysisRequest {
  storedPath: string;
  agentChannel: 0 | 1;
  /** The agent the uploader named; the pipeline does not identify agents itself. */
  agentId: string | null;
}

export type UploadAnalysisOutcome =
  | { status: 'ok'; runId: string; callId: string }
  | { status: 'error'; runId: string | null; error: { code: string; message: string } };

/** Analyses one upload with the server's config and stores it; failures come back as an outcome. */
export async function analyzeUpload(
  db: SerializedDb, request: UploadAnalysisRequest, baseConfig: AnalyzeConfig, effects: Effects,
): Promise<UploadAnalysisOutcome> {
  const runId = randomUUID();
  const config: AnalyzeConfig = { ...baseConfig, agentChannel: request.agentChannel };
  const recordedOptions = { agentChannel: request.agentChannel, agentId: request.agentId, whisperModel: config.transcription?.modelId ?? null };
  await db.exclusive((store) => beginRun(store, { runId, source: request.storedPath, callqaVersion, options: recordedOptions }));
  const analysed = await analyzeCall(request.storedPath, config, effects);
  let failure = analysed.result.error ?? { code: 'CQA_ERR_INTERNAL', message: 'analysis failed without an error' };
  if (analysed.status === 'ok') {
    const result = { ...analysed.stored.result, agent_id: request.agentId ?? analysed.stored.result.agent_id };
    try {
      await db.exclusive((store) => saveCall(store, { ...analysed.stored, result, runId }));
      return { status: 'ok', runId, callId: result.call_id };
    } catch (thrown) {
      const { code, message } = toCallqaError(thrown);
      failure = { code, message };
    }
  }
  await db.exclusive((store) => failRun(store, runId, { ...failure, sha256: analysed.result.sha256 }));
  return { status: 'error', runId, error: failure };
}
