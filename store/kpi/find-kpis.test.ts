import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCdr } from '../cdr/index.ts';
import { findKpis, type KpiRow } from './find-kpis.ts';
import { cdrHeader, createTempStore, insertCalls, insertEvents, type TempStore } from './kpi-fixture.test-helper.ts';
import { resolveKpiOptions } from './kpi-options.ts';

// Hand-checked: every expected number below is worked out in store/kpi/README.md's terms.
const cdrCsv = `${cdrHeader}
p1,r1.wav,sales,a1,c1,2024-03-04T09:00:00,2024-03-04T09:00:10,2024-03-04T09:05:10,false,,false,false,30
p2,r2.wav,sales,a2,c2,2024-03-04T09:01:00,2024-03-04T09:01:30,2024-03-04T09:03:00,false,menu>2,true,true,15
p3,,support,a3,c3,2024-03-04T09:02:00,,,true,menu,true,,
p4,,support,,c1,2024-03-08T10:00:00,,,false,menu>1,false,,
p5,,sales,a1,c2,2024-03-20T09:00:00,2024-03-20T09:00:15,2024-03-20T09:10:15,false,,false,false,60
`;

let temp: TempStore;
beforeAll(async () => {
  temp = await createTempStore();
  await insertCalls(temp.store, [
    { callId: 'r1', fileName: 'r1.wav', agentId: null, durationS: 300, score: 80 },
    { callId: 'r2', fileName: 'r2.wav', agentId: null, durationS: 90, score: 70 },
    { callId: 'r3', fileName: 'r3.wav', agentId: 'a1', durationS: 120, score: 60 },
  ]);
  await insertEvents(temp.store, [
    ['r1', 'interruption', 'agent', 5, 6, '{}'], ['r1', 'interruption', 'agent', 7, 8, '{}'], ['r1', 'interruption', 'customer', 9, 10, '{}'],
    ['r1', 'hold', null, 60, 90, '{"kind":"music","consented":false}'], ['r1', 'dead_air', null, 10, 14, '{}'],
    ['r2', 'hold', null, 20, 30, '{"kind":"silence","consented":true}'], ['r2', 'dead_air', null, 0, 2, '{}'],
  ]);
  await importCdr(temp.store, temp.writeFile('cdr.csv', cdrCsv));
});
afterAll(() => temp.cleanup());

const byKey = (rows: KpiRow[]) => Object.fromEntries(rows.map((row) => [row.group_key ?? '(none)', row]));

describe('KPI formulas on a hand-checked dataset', () => {
  it('by queue: every KPI', async () => {
    const rows = byKey(await findKpis(temp.store, resolveKpiOptions({ groupBy: 'queue' })));
    expect(Object.keys(rows)).toEqual(['sales', 'support', '(none)']);
    expect(rows.sales).toEqual({
      group_key: 'sales', contacts: 3, offered_calls: 3, service_level_ratio: 2 / 3, abandonment_ratio: 0,
      avg_speed_of_answer_s: 55 / 3, avg_talk_s: 950 / 3, avg_hold_s: 20, avg_acw_s: 35, avg_handle_s: 365,
      transfer_ratio: 1 / 3, first_contact_resolution_ratio: 2 / 3, ivr_containment_ratio: 0,
      interruptions_by_agent_per_call: 1, holds_without_consent_ratio: 0.5, dead_air_s_per_call: 3, etiquette_score_avg: 75,
    });
    expect(rows.support).toMatchObject({
      contacts: 2, offered_calls: 1, service_level_ratio: 0, abandonment_ratio: 1, avg_speed_of_answer_s: null,
      avg_handle_s: null, ivr_containment_ratio: 0.5, etiquette_score_avg: null,
    });
    expect(rows['(none)']).toMatchObject({
      contacts: 1, offered_calls: 0, service_level_ratio: null, avg_talk_s: 120, avg_hold_s: 0, avg_handle_s: 120,
      transfer_ratio: 0, first_contact_resolution_ratio: null, holds_without_consent_ratio: null, etiquette_score_avg: 60,
    });
  });

  it('by agent takes the CDR agent, else the recording\'s', async () => {
    const rows = byKey(await findKpis(temp.store, resolveKpiOptions({ groupBy: 'agent' })));
    expect(Object.keys(rows)).toEqual(['a1', 'a2', 'a3', '(none)']);
    expect(rows.a1).toMatchObject({ contacts: 3, interruptions_by_agent_per_call: 1, etiquette_score_avg: 70, avg_talk_s: 330 });
  });

  it('by day and ISO week, with a configurable service-level target and --since', async () => {
    const days = await findKpis(temp.store, resolveKpiOptions({ groupBy: 'day', serviceLevelS: 30 }));
    expect(days.map((row) => [row.group_key, row.contacts])).toEqual([['2024-03-04', 4], ['2024-03-08', 1], ['2024-03-20', 1]]);
    expect(days[0]!.service_level_ratio).toBeCloseTo(2 / 3);
    const weeks = await findKpis(temp.store, resolveKpiOptions({ groupBy: 'week', since: '2024-03-05' }));
    expect(weeks.map((row) => [row.group_key, row.contacts])).toEqual([['2024-W10', 1], ['2024-W12', 1]]);
  });

  it('rejects an unknown grouping or date by code', () => {
    expect(() => resolveKpiOptions({ groupBy: 'team' })).toThrow(expect.objectContaining({ code: 'CQA_ERR_CONFIG_INVALID' }));
    expect(() => resolveKpiOptions({ since: '03/04/2024' })).toThrow(/--since must be an ISO date/);
  });
});
