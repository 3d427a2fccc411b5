import path from 'node:path';
import { DuckDBDataChunk, JSToDuckDBValueConverter, type DuckDBType, DOUBLE, INTEGER, TINYINT, VARCHAR } from '@duckdb/node-api';
import type { CallResult } from '../pipeline/result/call-result.ts';
import { CallqaError } from '../core/errors.ts';
import type { Store } from './open-store.ts';

export interface SpeechSegmentRow {
  channel: number;
  party: string;
  start: number;
  end: number;
}

/** Everything stored for one successfully analysed call. */
export interface StoredCall {
  runId: string;
  result: CallResult & { status: 'ok'; call_id: string; sha256: string };
  sizeBytes: number;
  agentChannel: 0 | 1 | null;
  speechSegments: readonly SpeechSegmentRow[];
  stageTimingsMs: Readonly<Record<string, number>>;
}

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

async function insertRows(store: Store, stored: StoredCall): Promise<void> {
  const { result } = stored;
  const callId = result.call_id;
  const partyOf = new Map(result.channel_levels.map((level) => [level.channel, level]));
  const partyStats = result.parties ? [result.parties.agent, result.parties.customer] : [];
  await appendRows(store, 'parties', [VARCHAR, TINYINT, VARCHAR, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE],
    result.channel_levels.map((level) => {
      const stats = partyStats.find((candidate) => candidate.channel === level.channel);
      return [callId, level.channel, level.party, stats?.talk_s ?? null, stats?.talk_listen_ratio ?? null,
        stats?.longest_monologue_s ?? null, level.rms_dbfs, level.peak_dbfs, level.clipped_ratio];
    }));
  await appendRows(store, 'speech_segments', [VARCHAR, TINYINT, VARCHAR, DOUBLE, DOUBLE],
    stored.speechSegments.map((segment) => [callId, segment.channel, partyOf.get(segment.channel)?.party ?? segment.party, segment.start, segment.end]));
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

async function insertCallRow(store: Store, stored: StoredCall, firstAnalysedAt: string | null): Promise<void> {
  const { result } = stored;
  await store.connection.run(
    `INSERT INTO calls VALUES ($call_id, $sha256, $source, $file_name, $size_bytes, $container, $codec, $sample_rate_hz,
      $channels, $agent_channel, $duration_s, $language, $agent_id, $transcript_source, $silence_s, $overlap_s,
      $agent_i, $agent_you, $score, $result_json, $run_id, coalesce($first_analysed_at::TIMESTAMPTZ, now()), now())`,
    {
      call_id: result.call_id, sha256: result.sha256, source: result.source, file_name: path.basename(result.source),
      size_bytes: stored.sizeBytes, container: result.container, codec: result.codec, sample_rate_hz: result.sample_rate,
      channels: result.channels, agent_channel: stored.agentChannel, duration_s: result.duration_s, language: result.language,
      agent_id: result.agent_id, transcript_source: result.transcript_source, silence_s: result.silence_s,
      overlap_s: result.overlap_s, agent_i: result.statements?.agent.i ?? null, agent_you: result.statements?.agent.you ?? null,
      score: result.score, result_json: JSON.stringify(result), run_id: stored.runId, first_analysed_at: firstAnalysedAt,
    },
  );
}

/**
 * Replaces a call's machine results in one transaction, so a crash leaves either the old
 * analysis or the new one, never a mix. Reviews and history are kept.
 */
export async function saveCall(store: Store, stored: StoredCall): Promise<void> {
  const { connection } = store;
  const callId = stored.result.call_id;
  await connection.run('BEGIN TRANSACTION');
  try {
    const previous = await connection.runAndReadAll('SELECT first_analysed_at::VARCHAR AS at FROM calls WHERE call_id = $1', [callId]);
    const firstAnalysedAt = (previous.getRowObjectsJS()[0]?.at as string | undefined) ?? null;
    for (const table of machineTables) await connection.run(`DELETE FROM ${table} WHERE call_id = $1`, [callId]);
    await insertCallRow(store, stored, firstAnalysedAt);
    await insertRows(store, stored);
    await connection.run(
      "INSERT INTO score_history VALUES ($1, $2, NULL, $3, 'machine', now())",
      [callId, stored.runId, stored.result.score],
    );
    await connection.run(
      "UPDATE analysis_runs SET status = 'ok', call_id = $2, sha256 = $3, finished_at = now(), stage_timings = $4 WHERE run_id = $1",
      [stored.runId, callId, stored.result.sha256, JSON.stringify(stored.stageTimingsMs)],
    );
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    const detail = error instanceof Error ? error.message : String(error);
    throw new CallqaError('CQA_ERR_STORE_WRITE', `${stored.result.source}: storing the call failed (${detail}); nothing was changed`, {
      cause: error,
    });
  }
}
