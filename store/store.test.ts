import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.test-helper.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { makeToneRecording } from '../pipeline/ingest/audio-fixtures.test-helper.ts';
import { buildCallResult } from '../pipeline/result/build-result.ts';
import type { RecordingProbe } from '../pipeline/ingest/index.ts';
import { beginRun, openStore, saveCall, type StoredCall } from './index.ts';

const probe: RecordingProbe = {
  source: 'calls/a.wav', absolutePath: '/calls/a.wav', sizeBytes: 1000, sha256: 'ab'.repeat(32), container: 'wav',
  codec: 'pcm_mulaw', sampleRateHz: 8000, channels: 2, declaredDurationS: 10, hasVideo: false,
};

function storedCall(runId: string, text: string | null): StoredCall {
  const result = buildCallResult({
    probe,
    acoustics: {
      durationS: 10, analysedSampleRateHz: 8000,
      channelLevels: [
        { channel: 0, party: 'agent', rms_dbfs: -20, peak_dbfs: -6, clipped_ratio: 0 },
        { channel: 1, party: 'customer', rms_dbfs: -25, peak_dbfs: -9, clipped_ratio: 0 },
      ],
      speech: { segments: [], parties: null, silenceS: 10, overlapS: null, events: [], eventTypesChecked: [] },
    },
    transcript: { source: null, language: null, utterances: [] },
    judgement: null,
    sentiment: null,
  });
  // A null text violates utterances.text NOT NULL: the way to make the write fail half-way.
  result.utterances = [{ party: 'agent', start: 0, end: 1, text: text as string }];
  return { runId, result, sizeBytes: probe.sizeBytes, agentChannel: 0, speechSegments: [], stageTimingsMs: {} };
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
      await beginRun(store, { runId: 'run-1', source: probe.source, callqaVersion: 'test', options: {} });
      await saveCall(store, storedCall('run-1', 'Good morning, Acme billing.'));
      await beginRun(store, { runId: 'run-2', source: probe.source, callqaVersion: 'test', options: {} });
      await expect(saveCall(store, storedCall('run-2', null))).rejects.toMatchObject({ code: 'CQA_ERR_STORE_WRITE' });
      const rows = await store.connection.runAndReadAll('SELECT last_run_id, (SELECT count(*)::INTEGER FROM parties) AS parties, (SELECT text FROM utterances) AS text FROM calls');
      expect(rows.getRowObjectsJS()).toEqual([{ last_run_id: 'run-1', parties: 2, text: 'Good morning, Acme billing.' }]);
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
      await store.connection.run('DELETE FROM schema_migrations WHERE version = 4');
    } finally {
      store.close();
    }
    const migrated = await openStore(dbPath);
    try {
      const rows = await migrated.connection.runAndReadAll('SELECT call_id, channel, count(*)::INTEGER AS n FROM speech_segments GROUP BY ALL ORDER BY ALL');
      expect(rows.getRowObjectsJS()).toEqual([{ call_id: 'c1', channel: 0, n: 1 }, { call_id: 'c1', channel: 1, n: 1 }, { call_id: 'c2', channel: 0, n: 1 }]);
    } finally {
      migrated.close();
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
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
