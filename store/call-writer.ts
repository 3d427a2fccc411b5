/**
 * The store's side of `CallWriter`: the only code that turns a call's result into table rows.
 * Every row, and every summary column of `calls`, is derived from the stored result alone
 * (`callColumns`), so the columns and `calls.result_json` cannot disagree.
 */
import path from 'node:path';
import { DuckDBDataChunk, JSToDuckDBValueConverter, type DuckDBType, DOUBLE, INTEGER, TINYINT, VARCHAR } from '@duckdb/node-api';
import type { OkCallResult } from '../pipeline/result/build-result.ts';
import type { CallWriter, OkCallOutcome } from '../pipeline/record-call.ts';
import type { Store } from './open-store.ts';
import { beginRun, failRun } from './runs.ts';
import { utteranceTerms } from './search/search-terms.ts';
import { writeInTransaction } from './transaction.ts';

/** Runs work against the store: directly in the CLI, under the server's lock in `callqa serve`. */
export type StoreAccess = <T>(work: (store: Store) => Promise<T>) => Promise<T>;

/** Tables whose rows belong to one analysis and are replaced when the call is analysed again; a rescore replaces those of `appendJudgedRows`. */
const machineTables = ['parties', 'speech_segments', 'utterances', 'words', 'search_terms', 'events', 'rule_results', 'calls'] as const;

export type Cell = string | number | boolean | null;

export async function appendRows(store: Store, table: string, types: DuckDBType[], rows: Cell[][]): Promise<void> {
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

interface IndexedUtterance {
  callId: string;
  utteranceIdx: number;
  text: string;
  party: string;
  /** The utterance's own language, else the call's. */
  language: string | null;
}

const searchTermTypes = [VARCHAR, INTEGER, INTEGER, VARCHAR, VARCHAR];

async function appendSearchTerms(store: Store, utterances: readonly IndexedUtterance[]): Promise<void> {
  await appendRows(store, 'search_terms', searchTermTypes, utterances.flatMap(({ callId, utteranceIdx, text, party, language }) =>
    utteranceTerms(text, language).map(({ position, term }) => [callId, utteranceIdx, position, term, party])));
}

async function insertRows(store: Store, result: OkCallResult): Promise<void> {
  const callId = result.call_id;
  await appendRows(store, 'parties', [VARCHAR, TINYINT, VARCHAR, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE],
    result.channel_levels.map((level) => {
      // A mono channel carries both parties ("unknown"): its row has no one party's figures (those are in the result's diarization).
      const stats = level.party === 'unknown' ? undefined : result.parties?.[level.party];
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
  await appendSearchTerms(store, result.utterances.map((utterance, index) =>
    ({ callId, utteranceIdx: index, text: utterance.text, party: utterance.party, language: utterance.language ?? result.language })));
  await appendJudgedRows(store, [result]);
}

/** The rows of `events` and `rule_results`, the tables a judgement (an analysis or a rescore) fills, for several calls at once. */
export async function appendJudgedRows(store: Store, results: readonly OkCallResult[]): Promise<void> {
  await appendRows(store, 'events', [VARCHAR, INTEGER, VARCHAR, VARCHAR, DOUBLE, DOUBLE, VARCHAR],
    results.flatMap((result) => result.events.map((event, index) => {
      const { type, start, end, ...attributes } = event;
      return [result.call_id, index, type, 'by' in event ? event.by : null, start, end, JSON.stringify(attributes)];
    })));
  await appendRows(store, 'rule_results', [VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR, DOUBLE, VARCHAR],
    results.flatMap((result) => result.rules.map((rule) =>
      [result.call_id, rule.id, rule.status, rule.count, rule.severity ?? null, rule.weight ?? null, JSON.stringify(rule.evidence)])));
}

/** The summary columns of `calls`: a projection of the result, derived here and nowhere else. */
export function callColumns(result: OkCallResult) {
  return {
    call_id: result.call_id, sha256: result.sha256, source: result.source, file_name: path.basename(result.source),
    size_bytes: result.size_bytes ?? null, container: result.container, codec: result.codec, sample_rate_hz: result.sample_rate,
    channels: result.channels, agent_channel: result.agent_channel ?? null, duration_s: result.duration_s, language: result.language,
    agent_id: result.agent_id, transcript_source: result.transcript_source, silence_s: result.silence_s,
    overlap_s: result.overlap_s, agent_i: result.statements?.agent.i ?? null, agent_you: result.statements?.agent.you ?? null,
    score: result.score, result_json: JSON.stringify(result), started_at: result.metadata?.started_at ?? null,
    queue: result.metadata?.queue ?? null, direction: result.metadata?.direction ?? null, channel: result.channel ?? 'voice',
  } satisfies Record<string, Cell>;
}

async function insertCallRow(store: Store, result: OkCallResult, runId: string, firstAnalysedAt: string | null): Promise<void> {
  await store.connection.run(
    `INSERT INTO calls (call_id, sha256, source, file_name, size_bytes, container, codec, sample_rate_hz, channels, agent_channel,
      duration_s, language, agent_id, transcript_source, silence_s, overlap_s, agent_i_statements, agent_you_statements, score,
      result_json, started_at, queue, direction, channel, last_run_id, first_analysed_at, analysed_at)
     VALUES ($call_id, $sha256, $source, $file_name, $size_bytes, $container, $codec, $sample_rate_hz, $channels, $agent_channel,
      $duration_s, $language, $agent_id, $transcript_source, $silence_s, $overlap_s, $agent_i, $agent_you, $score,
      $result_json, $started_at::TIMESTAMP, $queue, $direction, $channel, $run_id, coalesce($first_analysed_at::TIMESTAMPTZ, now()), now())`,
    { ...callColumns(result), run_id: runId, first_analysed_at: firstAnalysedAt },
  );
}

/** The new result, with the facts (agent, queue, start time) the earlier one had and this one lacks, and their sources. */
/** What the stored result says of the facts a later source may have given; read in SQL, so the whole result is never parsed. */
interface EarlierFacts {
  at: string;
  agent_id: string | null;
  queue: string | null;
  started_at: string | null;
  sources: string | null;
}

const earlierFactsSql = `SELECT first_analysed_at::VARCHAR AS at, result_json ->> 'agent_id' AS agent_id,
  result_json ->> '$.metadata.queue' AS queue, result_json ->> '$.metadata.started_at' AS started_at,
  (result_json -> '$.metadata.sources')::VARCHAR AS sources FROM calls WHERE call_id = $1`;

function keepEarlierFacts(analysed: OkCallResult, earlier: EarlierFacts | undefined): OkCallResult {
  if (!earlier) return analysed;
  const metadata = { ...analysed.metadata, sources: { ...analysed.metadata?.sources } };
  const earlierSources = (earlier.sources ? JSON.parse(earlier.sources) : {}) as NonNullable<NonNullable<OkCallResult['metadata']>['sources']>;
  const sourceOf = (fact: string) => earlierSources[fact];
  for (const fact of ['queue', 'started_at'] as const) {
    const value = earlier[fact];
    if (metadata[fact] != null || value == null) continue;
    metadata[fact] = value;
    const source = sourceOf(fact);
    if (source) metadata.sources[fact] = source;
  }
  if (analysed.agent_id == null && earlier.agent_id != null) {
    const source = sourceOf('agent_id');
    if (source) metadata.sources.agent_id = source;
    return { ...analysed, agent_id: earlier.agent_id, metadata };
  }
  return { ...analysed, metadata };
}

/**
 * Replaces a call's machine results in one transaction, so a crash leaves either the old
 * analysis or the new one, never a mix. The earlier result moves to `result_history`; reviews and history are kept, and so are facts given
 * after the earlier analysis (a CDR's agent, queue, start time) that this analysis lacks.
 */
export async function saveCall(store: Store, runId: string, outcome: OkCallOutcome): Promise<OkCallResult> {
  return writeInTransaction(store.connection, `${outcome.result.source}: storing the call`, () => replaceCall(store, runId, outcome));
}

async function replaceCall(store: Store, runId: string, { result: analysed, stageTimingsMs }: OkCallOutcome): Promise<OkCallResult> {
  const { connection } = store;
  const callId = analysed.call_id;
  const previous = await connection.runAndReadAll(earlierFactsSql, [callId]);
  await connection.run(
    'INSERT INTO result_history SELECT call_id, last_run_id, $2, score, result_json, now() FROM calls WHERE call_id = $1', [callId, runId]);
  const earlier = previous.getRowObjectsJS()[0] as EarlierFacts | undefined;
  const result = keepEarlierFacts(analysed, earlier);
  for (const table of machineTables) await connection.run(`DELETE FROM ${table} WHERE call_id = $1`, [callId]);
  await insertCallRow(store, result, runId, earlier?.at ?? null);
  await insertRows(store, result);
  await connection.run("INSERT INTO score_history VALUES ($1, $2, NULL, $3, 'machine', now())", [callId, runId, result.score]);
  await connection.run(
    "UPDATE analysis_runs SET status = 'ok', call_id = $2, sha256 = $3, finished_at = now(), stage_timings = $4 WHERE run_id = $1",
    [runId, callId, result.sha256, JSON.stringify(stageTimingsMs)],
  );
  return result;
}

/**
 * Rebuilds the whole transcript search index from the stored utterances, in one transaction
 * (`callqa reindex`): for calls stored before the index existed, or after its stemming data
 * changed. Returns the number of utterances indexed.
 */
export async function rebuildSearchIndex(store: Store): Promise<number> {
  const { connection } = store;
  return writeInTransaction(connection, 'rebuilding the search index', async () => {
    const reader = await connection.runAndReadAll(`SELECT u.call_id AS "callId", u.utterance_idx AS "utteranceIdx", u.text, u.party,
      coalesce(u.language, c.language) AS language FROM utterances u JOIN calls c USING (call_id)`);
    const utterances = reader.getRowObjectsJS() as unknown as IndexedUtterance[];
    await connection.run('DELETE FROM search_terms');
    await appendSearchTerms(store, utterances);
    return utterances.length;
  });
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

/**
 * A writer for work inside a transaction the caller holds (a batch of calls from the queue):
 * none of its methods begins or commits one, so the whole batch commits or none of it.
 */
export function writerInTransaction(store: Store): CallWriter {
  const writer: CallWriter = {
    beginRun: (run) => beginRun(store, run),
    saveCall: (runId, outcome) => replaceCall(store, runId, outcome),
    failRun: (runId, failure) => failRun(store, runId, failure),
  };
  return Object.freeze(writer);
}
