import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.test-helper.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { makeToneRecording } from '../pipeline/ingest/audio-fixtures.test-helper.ts';
import { buildCallResult } from '../pipeline/result/build-result.ts';
import type { RecordingProbe } from '../pipeline/ingest/index.ts';
import type { OkCallOutcome } from '../pipeline/record-call.ts';
import { recordCall } from '../pipeline/record-call.ts';
import { assignAgent, openStore, storeWriter, type Store } from './index.ts';
import { loadMigrations } from './migrate.ts';

const probe: RecordingProbe = {
  source: 'calls/a.wav', absolutePath: '/calls/a.wav', sizeBytes: 1000, sha256: 'ab'.repeat(32), container: 'wav',
  codec: 'pcm_mulaw', sampleRateHz: 8000, channels: 2, declaredDurationS: 10, hasVideo: false, tags: {},
};

function analysedCall(text: string | null, agentId: string | null = null): OkCallOutcome {
  const result = buildCallResult({
    agentId,
    agentChannel: 1,
    metadata: { started_at: null, queue: null, direction: null, customer_ref: null, custom: {}, sources: {} },
    probe,
    acoustics: {
      durationS: 10, analysedSampleRateHz: 8000,
      channelLevels: [
        { channel: 0, party: 'agent', rms_dbfs: -20, peak_dbfs: -6, clipped_ratio: 0 },
        { channel: 1, party: 'customer', rms_dbfs: -25, peak_dbfs: -9, clipped_ratio: 0 },
      ],
      speech: { segments: [{ channel: 1, party: 'agent', startS: 0.5, endS: 1.25 }], parties: null, silenceS: 10, overlapS: null, events: [], eventTypesChecked: [] },
    },
    transcript: { source: null, language: null, utterances: [] },
    judgement: null,
    sentiment: null,
    metrics: null,
  });
  // A null text violates utterances.text NOT NULL: the way to make the write fail half-way.
  result.utterances = [{ party: 'agent', start: 0, end: 1, text: text as string }];
  return { status: 'ok', result, stageTimingsMs: {} };
}

async function query(store: Store, sql: string): Promise<Record<string, unknown>[]> {
  return (await store.connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

describe('DuckDB store', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it('a write that fails half-way rolls back and keeps the previous analysis', async () => {
    const store = await openStore(temp.file('rollback.duckdb'));
    try {
      const writer = storeWriter(store);
      await writer.beginRun({ runId: 'run-1', source: probe.source, callqaVersion: 'test', options: {} });
      await writer.saveCall('run-1', analysedCall('Good morning, Acme billing.'));
      await writer.beginRun({ runId: 'run-2', source: probe.source, callqaVersion: 'test', options: {} });
      await expect(writer.saveCall('run-2', analysedCall(null))).rejects.toMatchObject({ code: 'CQA_ERR_STORE_WRITE' });
      expect(await query(store, 'SELECT last_run_id, (SELECT count(*)::INTEGER FROM parties) AS parties, (SELECT text FROM utterances) AS text FROM calls'))
        .toEqual([{ last_run_id: 'run-1', parties: 2, text: 'Good morning, Acme billing.' }]);
    } finally {
      store.close();
    }
  });

  it('records a write that failed as the run\'s error, with the result marked failed', async () => {
    const store = await openStore(temp.file('failed-write.duckdb'));
    try {
      const writer = storeWriter(store);
      await writer.beginRun({ runId: 'run-1', source: probe.source, callqaVersion: 'test', options: {} });
      const recorded = await recordCall('run-1', analysedCall(null), writer);
      expect(recorded).toMatchObject({ status: 'error', runId: 'run-1', result: { status: 'error', error: { code: 'CQA_ERR_STORE_WRITE' } } });
      expect(await query(store, 'SELECT status, error_code, sha256 FROM analysis_runs'))
        .toEqual([{ status: 'error', error_code: 'CQA_ERR_STORE_WRITE', sha256: probe.sha256 }]);
      expect(await query(store, 'SELECT count(*)::INTEGER AS calls FROM calls')).toEqual([{ calls: 0 }]);
    } finally {
      store.close();
    }
  });

  it('derives every summary column and row from the result, and an agent assigned later changes both and survives re-analysis', async () => {
    const store = await openStore(temp.file('projection.duckdb'));
    const projectionSql = `SELECT agent_id, result_json ->> 'agent_id' AS result_agent, size_bytes::INTEGER AS size_bytes,
      agent_channel::INTEGER AS agent_channel, (result_json ->> 'agent_channel')::INTEGER AS result_agent_channel,
      (SELECT list([start_s, end_s] ORDER BY start_s) FROM speech_segments) AS segments FROM calls`;
    try {
      const writer = storeWriter(store);
      await writer.beginRun({ runId: 'run-1', source: probe.source, callqaVersion: 'test', options: {} });
      const stored = await writer.saveCall('run-1', analysedCall('Hello.'));
      expect(stored.agent_id).toBeNull();
      expect(await query(store, projectionSql)).toEqual([
        { agent_id: null, result_agent: null, size_bytes: 1000, agent_channel: 1, result_agent_channel: 1, segments: [[0.5, 1.25]] },
      ]);
      await assignAgent(store, stored.call_id, 'agent-3');
      await writer.beginRun({ runId: 'run-2', source: probe.source, callqaVersion: 'test', options: {} });
      const again = await writer.saveCall('run-2', analysedCall('Hello again.'));
      expect(again.agent_id).toBe('agent-3');
      expect(await query(store, projectionSql)).toEqual([
        { agent_id: 'agent-3', result_agent: 'agent-3', size_bytes: 1000, agent_channel: 1, result_agent_channel: 1, segments: [[0.5, 1.25]] },
      ]);
      await writer.beginRun({ runId: 'run-3', source: probe.source, callqaVersion: 'test', options: {} });
      expect((await writer.saveCall('run-3', analysedCall('Hi.', 'agent-5'))).agent_id).toBe('agent-5');
    } finally {
      store.close();
    }
  });

  it('refuses a database written by a newer callqa', async () => {
    const dbPath = temp.file('newer.duckdb');
    const store = await openStore(dbPath);
    await store.connection.run("INSERT INTO schema_migrations VALUES (999, 'future', now())");
    store.close();
    await expect(openStore(dbPath)).rejects.toMatchObject({ code: 'CQA_ERR_STORE_SCHEMA_NEWER' });
  });

  it('keeps no secondary index, and migrating to 0004 removes voice activity stored twice', async () => {
    const dbPath = temp.file('secondary-indexes.duckdb');
    const store = await openStore(dbPath);
    try {
      const indexes = await store.connection.runAndReadAll('SELECT index_name FROM duckdb_indexes()');
      expect(indexes.getRowObjectsJS()).toEqual([]);
      // What a re-analysis left behind when a lost index entry made its DELETE miss the old rows.
      await store.connection.run(`INSERT INTO speech_segments VALUES ('c1', 0, 'agent', 0, 1.5), ('c1', 0, 'agent', 0, 1.5),
        ('c1', 1, 'customer', 0, 1.5), ('c2', 0, 'agent', 0, 1.5)`);
      const noSecondaryIndexes = loadMigrations().find((migration) => migration.version === 4)!;
      await store.connection.run(noSecondaryIndexes.sql);
      const rows = await store.connection.runAndReadAll('SELECT call_id, channel, count(*)::INTEGER AS n FROM speech_segments GROUP BY ALL ORDER BY ALL');
      expect(rows.getRowObjectsJS()).toEqual([{ call_id: 'c1', channel: 0, n: 1 }, { call_id: 'c1', channel: 1, n: 1 }, { call_id: 'c2', channel: 0, n: 1 }]);
    } finally {
      store.close();
    }
  });

  it('a second writer gets CQA_ERR_STORE_LOCKED and exit code 5', async () => {
    const dbPath = temp.file('locked.duckdb');
    (await openStore(dbPath)).close();
    const holder = spawn(process.execPath, ['--input-type=module', '-e',
      `import { DuckDBInstance } from '@duckdb/node-api'; await DuckDBInstance.create(${JSON.stringify(dbPath)}); console.log('held'); setTimeout(() => {}, 30000);`,
    ], { stdio: ['ignore', 'pipe', 'inherit'], cwd: new URL('..', import.meta.url).pathname });
    try {
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
      const recording = await makeToneRecording(temp.file('a.wav'), { durationS: 1, sampleRateHz: 8000, channelAmplitudes: [0.2, 0.2], codecArgs: ['-c:a', 'pcm_s16le'] });
      const outcome = await runCli(['analyze', recording, '--db', dbPath]);
      expect(outcome.exitCode).toBe(5);
      expect(outcome.stderr).toContain('CQA_ERR_STORE_LOCKED');
      expect(outcome.stderr).toContain(dbPath);
      // DuckDB's own words in full, with the path and the holder's PID; its "See also" link is dropped.
      expect(outcome.stderr).toContain(`(IO Error: Could not set lock on file "${dbPath}": Conflicting lock is held in`);
      expect(outcome.stderr).toContain(`(PID ${holder.pid})`);
      expect(outcome.stderr).not.toContain('See also');
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
