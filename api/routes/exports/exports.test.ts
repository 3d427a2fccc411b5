import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

describe('exports', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('exports the filtered list as CSV', async () => {
    const response = await fixture.request('trainer', 'GET', '/api/v1/exports/calls.csv?sort=score&order=asc');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="calls.csv"');
    const [header, ...rows] = response.body.trimEnd().split('\r\n');
    expect(header).toBe('call_id,file_name,first_analysed_at,analysed_at,duration_s,channels,language,agent_id,started_at,queue,direction,channel,score,machine_score,score_overridden,failed_rules,uncertain_rules,needs_review');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(new RegExp(`^${fixture.callIds[1]},call-1.wav,\\S+Z,\\S+Z,4,2,hu,agent-9,,,,voice,40,40,false,greeting,thanks-closing,true$`));
    const filtered = await fixture.request('qa', 'GET', '/api/v1/exports/calls.csv?failed_rule=hold-consent');
    expect(filtered.body.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('exports the same list as a typed Arrow IPC file', async () => {
    const response = await fixture.request('supervisor', 'GET', '/api/v1/exports/calls.arrow?agent=agent-7');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.apache.arrow.file');
    const table = tableFromIPC(response.rawPayload);
    expect(table.numRows).toBe(1);
    expect(Object.fromEntries(table.schema.fields.map((field) => [field.name, String(field.type)]))).toMatchObject({
      call_id: 'Utf8', first_analysed_at: 'Timestamp<MILLISECOND, UTC>', score: 'Float64', channels: 'Int32',
      score_overridden: 'Bool', failed_rules: 'List<Utf8>', uncertain_rules: 'List<Utf8>', needs_review: 'Bool',
    });
    const row = table.get(0)!.toJSON();
    expect(row).toMatchObject({ call_id: fixture.callIds[0], agent_id: 'agent-7', score: 72, channels: 2, score_overridden: false });
    expect([...row.failed_rules]).toEqual(['hold-consent']);
  });

  it('refuses bad filters the way the list does', async () => {
    const response = await fixture.request('qa', 'GET', '/api/v1/exports/calls.arrow?score_min=-1');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('CQA_ERR_API_BAD_REQUEST');
  });
});
