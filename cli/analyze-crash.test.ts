import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { makeToneRecording } from '../pipeline/ingest/audio-fixtures.test-helper.ts';
import { queryDb, runCli, startCli } from './run-cli.test-helper.ts';

const callCount = 6;

describe('callqa analyze after SIGKILL mid-batch', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
    for (let index = 0; index < callCount; index++) {
      // Distinct durations make distinct bytes, so each file is its own call.
      await makeToneRecording(temp.file(`calls/call-${index}.flac`), {
        durationS: 90 + index, sampleRateHz: 16000, channelAmplitudes: [0.3, 0.1], codecArgs: ['-c:a', 'flac'],
      });
    }
  });
  afterAll(() => temp.remove());

  it('leaves a consistent database, and a second run stores every call exactly once', async () => {
    const db = temp.file('crash.duckdb');
    const { child, done } = startCli(['analyze', temp.file('calls'), '--db', db]);
    // The third file's probe line comes after its run was recorded and before it is stored.
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('call-2.flac: flac in flac')) resolve();
      });
    });
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.exitCode).toBeNull();

    const storedAfterKill = await queryDb(db, 'SELECT count(*)::INTEGER AS n FROM calls');
    expect(storedAfterKill[0]!.n).toBeGreaterThanOrEqual(2);
    expect(storedAfterKill[0]!.n).toBeLessThan(callCount);
    const partiesPerCall = await queryDb(db, 'SELECT call_id, count(*)::INTEGER AS n FROM parties GROUP BY call_id');
    for (const row of partiesPerCall) expect(row.n).toBe(2);

    const rerun = await runCli(['analyze', temp.file('calls'), '--db', db]);
    expect(rerun.exitCode).toBe(0);
    const calls = await queryDb(db, 'SELECT count(*)::INTEGER AS n, count(DISTINCT sha256)::INTEGER AS hashes FROM calls');
    expect(calls).toEqual([{ n: callCount, hashes: callCount }]);
    expect(await queryDb(db, 'SELECT count(*)::INTEGER AS n FROM parties')).toEqual([{ n: 2 * callCount }]);
    const orphans = await queryDb(db, 'SELECT count(*)::INTEGER AS n FROM parties WHERE call_id NOT IN (SELECT call_id FROM calls)');
    expect(orphans).toEqual([{ n: 0 }]);
    const unfinished = await queryDb(db, "SELECT count(*)::INTEGER AS n FROM analysis_runs WHERE status = 'running'");
    expect(unfinished).toEqual([{ n: 0 }]);
    const abandoned = await queryDb(db, "SELECT count(*)::INTEGER AS n FROM analysis_runs WHERE status = 'abandoned'");
    expect(abandoned).toEqual([{ n: 1 }]);
  });
});
