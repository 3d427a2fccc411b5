import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCdr } from '../../../store/cdr/index.ts';
import { findKpis, resolveKpiOptions, type KpiOptionsSpec } from '../../../store/kpi/index.ts';
import { roles } from '../../roles.ts';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

// Links the fixture's two analysed recordings (call-0 by agent-7, call-1 by agent-9) to CDR rows,
// plus one abandoned contact: agent-7 answers in 10 s, agent-9 in 40 s.
const cdrCsv = `call_id,recording,queue,agent_id,customer_id,offered_at,answered_at,ended_at,abandoned,ivr_path,asked_for_agent,transferred,acw_s
p1,call-0.wav,sales,agent-7,c1,2024-03-04T09:00:00,2024-03-04T09:00:10,2024-03-04T09:05:10,false,,false,false,30
p2,call-1.wav,support,agent-9,c2,2024-03-04T10:00:00,2024-03-04T10:00:40,2024-03-04T10:03:00,false,menu>2,true,true,15
p3,,support,,c1,2024-03-08T09:00:00,,,true,menu,true,,
`;

describe('KPI route', () => {
  let fixture: ApiFixture;
  const kpis = (query: string, role: 'supervisor' | 'admin' = 'supervisor') => fixture.request(role, 'GET', `/api/v1/kpis${query}`);
  const kpisFromPipeline = (spec: KpiOptionsSpec) => fixture.app.db.exclusive((store) => findKpis(store, resolveKpiOptions(spec)));
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('admits supervisors and admins only', async () => {
    for (const role of roles) {
      const response = await fixture.request(role, 'GET', '/api/v1/kpis');
      expect(response.statusCode, role).toBe(role === 'supervisor' || role === 'admin' ? 200 : 403);
    }
    expect((await fixture.request(null, 'GET', '/api/v1/kpis')).statusCode).toBe(401);
  });

  it('reflects CDRs imported since the last answer: the facts are refreshed before reading', async () => {
    const before = (await kpis('?by=agent')).json();
    expect(before.map((row: { group_key: string }) => row.group_key)).toEqual(['agent-7', 'agent-9']);
    expect(before[0]).toMatchObject({ contacts: 1, offered_calls: 0, service_level_ratio: null, etiquette_score_avg: 72 });

    const csvPath = fixture.temp.file('cdr.csv');
    await writeFile(csvPath, cdrCsv);
    await fixture.app.db.exclusive((store) => importCdr(store, csvPath));
    const after = (await kpis('?by=agent')).json();
    expect(after.map((row: { group_key: string | null }) => row.group_key)).toEqual(['agent-7', 'agent-9', null]);
    expect(after[0]).toMatchObject({ contacts: 1, offered_calls: 1, service_level_ratio: 1, avg_acw_s: 30, first_contact_resolution_ratio: 0 });
    expect(after[1]).toMatchObject({ service_level_ratio: 0, transfer_ratio: 1, avg_speed_of_answer_s: 40 });
  });

  it.each([
    ['?by=queue', { groupBy: 'queue' }],
    ['?by=day&since=2024-03-05', { groupBy: 'day', since: '2024-03-05' }],
    ['?by=week&service_level_s=45', { groupBy: 'week', serviceLevelS: 45 }],
    ['', {}],
  ] as const)('%s answers exactly what findKpis returns for the same options', async (query, spec) => {
    const response = await kpis(query, 'admin');
    expect(response.statusCode).toBe(200);
    const expected = await kpisFromPipeline(spec);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.json()).toEqual(expected);
  });

  it.each(['by=team', 'since=03/04/2024', 'since=2024-02-30', 'service_level_s=0', 'service_level_s=soon'])('refuses %s with 400', async (query) => {
    const response = await kpis(`?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('CQA_ERR_API_BAD_REQUEST');
  });
});
