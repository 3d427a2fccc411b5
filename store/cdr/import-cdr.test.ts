import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CallqaError } from '../../core/errors.ts';
import { cdrHeader, createTempStore, insertCalls, queryRows, type TempStore } from '../kpi/kpi-fixture.test-helper.ts';
import { importCdr } from './import-cdr.ts';

const goodCsv = `${cdrHeader}
p1,agent-a.wav,sales,a1,c1,2024-03-04T09:00:00,2024-03-04T09:00:10,2024-03-04T09:05:10,false,,false,false,30
p2,${'bbbbbbbbbbbbbbbb'.repeat(4)},sales,a2,c2,2024-03-04T09:01:00,2024-03-04 09:01:30,2024-03-04T09:03:00,false,1>2,true,true,15.5
p3,unknown.wav,support,a3,c3,2024-03-04T09:02:00,,,true,,,,
`;

async function importFailure(temp: TempStore, csv: string): Promise<CallqaError> {
  const error = await importCdr(temp.store, temp.writeFile('bad.csv', csv)).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(CallqaError);
  return error as CallqaError;
}

describe('importCdr', () => {
  let temp: TempStore;
  beforeEach(async () => {
    temp = await createTempStore();
    await insertCalls(temp.store, [
      { callId: 'aaaaaaaaaaaaaaaa', fileName: 'agent-a.wav', agentId: null, durationS: 300, score: 80 },
      { callId: 'bbbbbbbbbbbbbbbb', fileName: 'b.wav', agentId: 'kept', durationS: 90, score: 70 },
    ]);
  });
  afterEach(() => temp.cleanup());

  it('links by file name and sha256, fills a missing agent, and is idempotent', async () => {
    const csvPath = temp.writeFile('cdr.csv', goodCsv);
    expect(await importCdr(temp.store, csvPath)).toEqual({ rows: 3, linked: 2, unlinked: 1 });
    expect(await importCdr(temp.store, csvPath)).toEqual({ rows: 3, linked: 2, unlinked: 1 });
    expect(await queryRows(temp.store, 'SELECT call_id, recording_call_id, abandoned, acw_s FROM cdr ORDER BY call_id')).toEqual([
      { call_id: 'p1', recording_call_id: 'aaaaaaaaaaaaaaaa', abandoned: false, acw_s: 30 },
      { call_id: 'p2', recording_call_id: 'bbbbbbbbbbbbbbbb', abandoned: false, acw_s: 15.5 },
      { call_id: 'p3', recording_call_id: null, abandoned: true, acw_s: null },
    ]);
    expect((await queryRows(temp.store, `SELECT call_id, agent_id, result_json ->> 'agent_id' AS result_agent, queue, started_at::VARCHAR AS started_at,
      (result_json -> '$.metadata')::VARCHAR AS metadata FROM calls ORDER BY call_id`)).map((row) => ({ ...row, metadata: JSON.parse(String(row.metadata)) }))).toEqual([
      { call_id: 'aaaaaaaaaaaaaaaa', agent_id: 'a1', result_agent: 'a1', queue: 'sales', started_at: '2024-03-04 09:00:10',
        metadata: { started_at: '2024-03-04T09:00:10', queue: 'sales', sources: { agent_id: 'cdr', queue: 'cdr', started_at: 'cdr' } } },
      { call_id: 'bbbbbbbbbbbbbbbb', agent_id: 'kept', result_agent: null, queue: 'sales', started_at: '2024-03-04 09:01:30',
        metadata: { started_at: '2024-03-04T09:01:30', queue: 'sales', sources: { queue: 'cdr', started_at: 'cdr' } } },
    ]);
  });

  it('links a row without a recording by agent and start time, and fills the facts a call lacks in its column and its result', async () => {
    await insertCalls(temp.store, [
      { callId: 'cccccccccccccccc', fileName: 'c.wav', agentId: 'a9', durationS: 60, score: 90, startedAt: '2024-03-04 10:00:05' },
      { callId: 'dddddddddddddddd', fileName: 'd.wav', agentId: 'a9', durationS: 60, score: 90, startedAt: '2024-03-04 10:09:00' },
    ]);
    const csvPath = temp.writeFile('cdr.csv', `${cdrHeader}
t1,,support,a9,c1,2024-03-04T09:59:00,2024-03-04T10:00:00,2024-03-04T10:05:00,false,,false,false,10
t2,,support,a9,c2,2024-03-04T10:20:00,2024-03-04T10:20:10,2024-03-04T10:25:00,false,,false,false,10
`);
    expect(await importCdr(temp.store, csvPath)).toEqual({ rows: 2, linked: 1, unlinked: 1 });
    expect(await queryRows(temp.store, `SELECT call_id, queue, started_at::VARCHAR AS started_at, result_json ->> '$.metadata.queue' AS result_queue,
      result_json ->> '$.metadata.sources.queue' AS source FROM calls WHERE call_id IN ('aaaaaaaaaaaaaaaa', 'cccccccccccccccc', 'dddddddddddddddd') ORDER BY call_id`)).toEqual([
      { call_id: 'aaaaaaaaaaaaaaaa', queue: null, started_at: null, result_queue: null, source: null },
      { call_id: 'cccccccccccccccc', queue: 'support', started_at: '2024-03-04 10:00:05', result_queue: 'support', source: 'cdr' },
      { call_id: 'dddddddddddddddd', queue: null, started_at: '2024-03-04 10:09:00', result_queue: null, source: null },
    ]);
  });

  it('names a missing column and an unknown one', async () => {
    const missing = await importFailure(temp, goodCsv.replace(',acw_s', '').replace(/,30$|,15\.5$|,$/gm, ''));
    expect(missing.code).toBe('CQA_ERR_CDR_COLUMNS');
    expect(missing.message).toMatch(/bad\.csv: column "acw_s" is missing/);
    const unknown = await importFailure(temp, goodCsv.replace('queue', 'skill'));
    expect(unknown.code).toBe('CQA_ERR_CDR_COLUMNS');
    expect(unknown.message).toMatch(/bad\.csv: unknown column "skill"; rename it/);
  });

  it('names the line and column of a bad timestamp, boolean, empty required value and repeated id', async () => {
    const badTime = await importFailure(temp, goodCsv.replace('2024-03-04T09:02:00', '04/03/2024 9:02'));
    expect(badTime.code).toBe('CQA_ERR_CDR_VALUE');
    expect(badTime.message).toMatch(/line 4, column "offered_at": the value is not an ISO timestamp/);
    const badBool = await importFailure(temp, goodCsv.replace('false,1>2,true', 'nope,1>2,true'));
    expect(badBool.message).toMatch(/line 3, column "abandoned": the value is not true or false/);
    const noOffer = await importFailure(temp, goodCsv.replace('c3,2024-03-04T09:02:00', 'c3,'));
    expect(noOffer.message).toMatch(/line 4, column "offered_at": a value is required/);
    const repeated = await importFailure(temp, goodCsv.replace('p3,', 'p1,'));
    expect(repeated.message).toMatch(/lines 2, 4, column "call_id": "p1" repeats/);
    expect(await queryRows(temp.store, 'SELECT count(*)::INTEGER AS n FROM cdr')).toEqual([{ n: 0 }]);
  });
});
