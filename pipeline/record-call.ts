/**
 * "Analyse one recording and record it", written once for the CLI batch, the server's upload
 * queue and the test seeders. Where the outcome goes is a `CallWriter` passed in: the store
 * implements it, and only the store knows table rows.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Effects } from '../core/effects.ts';
import { toCallqaError } from '../core/errors.ts';
import { callqaVersion } from '../core/version.ts';
import { analyzeCall, type CallOutcome, type CallRequest } from './analyze.ts';
import type { AnalyzeConfig } from './analyze-config.ts';
import type { OkCallResult } from './result/build-result.ts';
import type { CallResult } from './result/call-result.ts';

export interface RunStart {
  runId: string;
  source: string;
  callqaVersion: string;
  /** The settings the call was analysed with, so a stored result can be traced to how it was made. */
  options: Readonly<Record<string, unknown>>;
}

export interface RunFailure {
  code: string;
  message: string;
  /** Set when the file could be read far enough to be fingerprinted. */
  sha256: string | null;
}

export type OkCallOutcome = Extract<CallOutcome, { status: 'ok' }>;

/** Where analysis outcomes are recorded. Each method is one transaction of its own. */
export interface CallWriter {
  /** Records that analysis of a file began, so a crash leaves a visible trace. */
  beginRun(run: RunStart): Promise<void>;
  /**
   * Stores the call's result, replacing an earlier analysis of the same bytes, and returns the
   * result as stored (facts assigned since the earlier analysis kept); throws
   * CQA_ERR_STORE_WRITE, changing nothing, on failure.
   */
  saveCall(runId: string, outcome: OkCallOutcome): Promise<OkCallResult>;
  failRun(runId: string, failure: RunFailure): Promise<void>;
}

export type RecordedCall =
  | { status: 'ok'; runId: string; result: OkCallResult }
  | { status: 'error'; runId: string; result: CallResult; error: { code: string; message: string } };

/** Records an outcome of a begun run; a failure to store it is recorded as the run's error. */
export async function recordCall(runId: string, outcome: CallOutcome, writer: CallWriter): Promise<RecordedCall> {
  let error = outcome.result.error ?? { code: 'CQA_ERR_INTERNAL', message: `${outcome.result.source}: analysis failed without an error` };
  if (outcome.status === 'ok') {
    try {
      return { status: 'ok', runId, result: await writer.saveCall(runId, outcome) };
    } catch (thrown) {
      const { code, message } = toCallqaError(thrown);
      error = { code, message };
    }
  }
  await writer.failRun(runId, { ...error, sha256: outcome.result.sha256 });
  const result: CallResult = outcome.status === 'ok' ? { ...outcome.result, status: 'error', error } : outcome.result;
  return { status: 'error', runId, result, error };
}

/** How a call is analysed: the pipeline, or a seeder that stands in findings audio cannot carry. */
export type AnalyzeStep = typeof analyzeCall;

/** Begins a run, analyses the recording and records the outcome. */
export async function analyzeAndRecord(
  request: CallRequest, config: AnalyzeConfig, writer: CallWriter, effects: Effects, analyze: AnalyzeStep = analyzeCall,
): Promise<RecordedCall> {
  const runId = randomUUID();
  await writer.beginRun({ runId, source: request.source, callqaVersion, options: describeRun(request, config) });
  return recordCall(runId, await analyze(request, config, effects), writer);
}

/** A call analysed in one process (a queue worker) and recorded by another (the one that owns the database). */
export interface AnalysedCall {
  run: RunStart;
  outcome: CallOutcome;
}

/** A UUID-shaped name for some content: the same content always gets the same id. */
function contentId(content: string): string {
  const hex = createHash('sha256').update(content).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Analyses a recording whose outcome another process records. The run id is a hash of the
 * result and the settings that made it, so a result delivered twice (a worker killed after
 * handing it on, a writer killed before acknowledging it) is recognised and stored once.
 */
export async function analyzeForRecording(
  request: CallRequest, config: AnalyzeConfig, effects: Effects, analyze: AnalyzeStep = analyzeCall,
): Promise<AnalysedCall> {
  const outcome = await analyze(request, config, effects);
  const options = describeRun(request, config);
  const runId = contentId(JSON.stringify({ result: outcome.result, options }));
  return { run: { runId, source: request.source, callqaVersion, options }, outcome };
}

/** Records a call analysed elsewhere: its run begins and ends in the writer. */
export async function recordAnalysedCall({ run, outcome }: AnalysedCall, writer: CallWriter): Promise<RecordedCall> {
  await writer.beginRun(run);
  return recordCall(run.runId, outcome, writer);
}

/** What a run is recorded with: the call's request and the batch's settings. */
function describeRun(request: CallRequest, config: AnalyzeConfig): Record<string, unknown> {
  return {
    agentChannel: request.agentChannel,
    known: request.known,
    transcriptPath: request.transcriptPath,
    languages: config.languages,
    forcedLanguage: config.forcedLanguage,
    whisperModel: config.transcription?.modelId ?? null,
    sentimentModel: config.sentiment?.modelId ?? null,
    rulePacks: [...config.rulePacks.values()].map((pack) => pack.files),
    rulePackVersions: Object.fromEntries([...config.rulePacks].map(([language, pack]) => [language, pack.version])),
    scorecardVersion: config.scorecard.version,
    settings: config.settingsRecord,
  };
}
