/**
 * The store's side of `CallWriter`: the only code that turns a call's result into table rows.
 * Every row, and every summary column of `calls`, is derived from the stored result alone
 * (`callColumns`), so the columns and `calls.result_json` cannot disagree.
 */
import path from 'node:path';
import { DuckDBDataChunk, JSToDuckDBValueConverter, type DuckDBType, DOUBLE, INTEGER, TINYINT, VARCHAR } from '@duckdb/node-api';
import { CallqaError } from '../core/errors.ts';
import type { OkCallResult } from '../pipeline/result/build-result.ts';
import type { CallWriter, OkCallOutcome } from '../pipeline/record-call.ts';
import type { Store } from './open-store.ts';
import { beginRun, failRun } from './runs.ts';

/** Runs work against the store: directly in the CLI, under the server's lock in `callqa serve`. */
export type StoreAccess = <T>(work: (store: Store) => Promise<T>) => Promise<T>;

/** Tables whose rows belong to one analysis and are replaced when the call is analysed again. */
const machineTables = ['parties', 'speech_segments', 'utterances', 'words', 'events', 'rule_results', 'calls'] as const;

type Cell = string | number | boolean | null;

async function appendRows(store: Store, table: string, types: DuckDBType[], rows: Cell[][]): Promise<void> {
  if (rows.length === 0) return;
  const appender = await store.connection.createAppender(table);
  const chunkSize = 2048;
  for (let offset = 0; offset < rows.length; offset += chunkSize) {
    const chunk = DuckDBDataChunk.create(types);
    chunk.setRowsConverted(rows.slice(offset, offset + chunkSize), JSToDuckDBValueConverter);
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

async function insertRows(store: Store, result: OkCallResult): Promise<void> {
  const callId = result.call_id;
  const partyStats = result.parties ? [result.parties.agent, result.parties.customer] : [];
  await appendRows(store, 'parties', [VARCHAR, TINYINT, VARCHAR, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE],
    result.channel_levels.map((level) => {
      const stats = partyStats.find((candidate) => candidate.channel === level.channel);
      return [callId, level.channel, level.party, stats?.talk_s ?? null, stats?.talk_listen_ratio ?? null,
        stats?.longest_monologue_s ?? null, level.rms_dbfs, level.peak_dbfs, level.clipped_ratio];
    }));
  await appendRows(store, 'speech_segments', [VARCHAR, TINYINT, VARCHAR, DOUBLE, DOUBLE],
    (result.speech_segments ?? []).map((segment) => [callId, segment.channel, segment.party, segment.start, segment.end]));
  await appendRows(store, 'utterances', [VARCHAR, INTEGER, VARCHAR, DOUBLE, DOUBLE, VARCHAR, VARCHAR, DOUBLE, VARCHAR, DOUBLE],
    result.utterances.map((utterance, index) => [callId, index, utterance.party, utterance.start, utterance.end, utterance.text,
      utterance.language ?? null, utterance.confidence ?? null, utterance.sentiment?.label ?? null, utterance.sentiment?.score ?? null]));
  await appendRows(store, 'words', [VARCHAR, INTEGER, INTEGER, DOUBLE, DOUBLE, VARCHAR, DOUBLE],
    result.utterances.flatMap((utterance, index) =>
      (utterance.words ?? []).map((word, wordIndex) => [callId, index, wordIndex, word.start, word.end, word.text, word.confidence ?? null])));
  await appendRows(store, 'events', [VARCHAR, INTEGER, VARCHAR, VARCHAR, DOUBLE, DOUBLE, VARCHAR],
    result.events.map((event, index) => {
      const { type, start, end, ...attributes } = event;
      return [callId, index, type, 'by' in event ? event.by : null, start, end, JSON.stringify(attributes)];
    }));
  await appendRows(store, 'rule_results', [VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR, DOUBLE, VARCHAR],
    result.rules.map((rule) => [callId, rule.id, rule.status, rule.count, rule.severity ?? null, rule.weight ?? null, JSON.stringify(rule.evidence)]));
}

/** The summary columns of `calls`: a projection of the result, derived here and nowhere else. */
export function callColumns(result: OkCallResult): Record<string, Cell> {
  return {
    call_id: result.call_id, sha256: result.sha256, source: result.source, file_name: path.basename(result.source),
    size_bytes: result.size_bytes ?? null, container: result.container, codec: result.codec, sample_rate_hz: result.sample_rate,
    channels: result.channels, agent_channel: result.agent_channel ?? null, duration_s: result.duration_s, language: result.language,
    agent_id: result.agent_id, transcript_source: result.transcript_source, silence_s: result.silence_s,
    overlap_s: result.overlap_s, agent_i: result.statements?.agent.i ?? null, agent_you: result.statements?.agent.you ?? null,
    score: result.score, result_json: JSON.stringify(result),
  };
}

async function insertCallRow(store: Store, result: OkCallResult, runId: string, firstAnalysedAt: string | null): Promise<void> {
  await store.connection.run(
    `INSERT INTO calls VALUES ($call_id, $sha256, $source, $file_name, $size_bytes, $container, $codec, $sample_rate_hz,
      $channels, $agent_channel, $duration_s, $language, $agent_id, $transcript_source, $silence_s, $overlap_s,
      $agent_i, $agent_you, $score, $result_json, $run_id, coalesce($first_analysed_at::TIMESTAMPTZ, now()), now())`,
    { ...callColumns(result), run_id: runId, first_analysed_at: firstAnalysedAt },
  );
}

/**
 * Replaces a call's machine results in one transaction, so a crash leaves either the old
 * analysis or the new one, never a mix. Reviews and history are kept, and so is an agent
 * assigned after the earlier analysis (a CDR import) when this analysis names none.
 */
export async function saveCall(store: Store, runId: string, { result: analysed, stageTimingsMs }: OkCallOutcome): Promise<OkCallResult> {
  const { connection } = store;
  const callId = analysed.call_id;
  await connection.run('BEGIN TRANSACTION');
  try {
    const previous = await connection.runAndReadAll('SELECT first_analysed_at::VARCHAR AS at, agent_id FROM calls WHERE call_id = $1', [callId]);
    const earlier = previous.getRowObjectsJS()[0] as { at: string; agent_id: string | null } | undefined;
    const result: OkCallResult = { ...analysed, agent_id: analysed.agent_id ?? earlier?.agent_id ?? null };
    for (const table of machineTables) await connection.run(`DELETE FROM ${table} WHERE call_id = $1`, [callId]);
    await insertCallRow(store, result, runId, earlier?.at ?? null);
    await insertRows(store, result);
    await connection.run("INSERT INTO score_history VALUES ($1, $2, NULL, $3, 'machine', now())", [callId, runId, result.score]);
    await connection.run(
      "UPDATE analysis_runs SET status = 'ok', call_id = $2, sha256 = $3, finished_at = now(), stage_timings = $4 WHERE run_id = $1",
      [runId, callId, result.sha256, JSON.stringify(stageTimingsMs)],
    );
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    await connection.run('ROLLBACK');
    const detail = error instanceof Error ? error.message : String(error);
    throw new CallqaError('CQA_ERR_STORE_WRITE', `${analysed.source}: storing the call failed (${detail}); nothing was changed`, {
      cause: error,
    });
  }
}

/** The writer `recordCall` uses; `access` decides how the store is reached (directly, or under a lock). */
export function createCallWriter(access: StoreAccess): CallWriter {
  const writer: CallWriter = {
    beginRun: (run) => access((store) => beginRun(store, run)),
    saveCall: (runId, outcome) => access((store) => saveCall(store, runId, outcome)),
    failRun: (runId, failure) => access((store) => failRun(store, runId, failure)),
  };
  return Object.freeze(writer);
}

/** A writer straight onto an open store, for a process that owns it (the CLI, tests). */
export function storeWriter(store: Store): CallWriter {
  return createCallWriter((work) => work(store));
}
