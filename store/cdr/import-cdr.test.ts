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
    expect(await queryRows(temp.store, 'SELECT call_id, agent_id FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'aaaaaaaaaaaaaaaa', agent_id: 'a1' },
      { call_id: 'bbbbbbbbbbbbbbbb', agent_id: 'kept' },
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
