/** Deleting a call over HTTP on a real database and real files: every row about it, the server's copies, audited. */
import { access, copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

const exists = (file: string) => access(file).then(() => true, () => false);

describe('DELETE /calls/:callId', () => {
  let fixture: ApiFixture;
  let callId: string;
  let sha256: string;
  beforeAll(async () => {
    fixture = await createApiFixture();
    callId = fixture.callIds[0]!;
    sha256 = (await fixture.request('admin', 'GET', `/api/v1/calls/${callId}`)).json().call.sha256;
  });
  afterAll(() => fixture.close());

  /** Rows naming the call in every table that can, counted by table. */
  const rowsAbout = async (id: string) => {
    const reader = await fixture.store.connection.runAndReadAll(
      `SELECT table_name FROM duckdb_columns() WHERE column_name IN ('call_id', 'recording_call_id') AND table_name NOT IN ('cdr', 'kpi_contacts', 'call_recording_metrics', 'call_deletions')
         AND table_name IN (SELECT table_name FROM duckdb_tables())`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of reader.getRowObjectsJS() as { table_name: string }[]) {
      const column = table_name === 'kpi_contact_facts' ? 'recording_call_id' : 'call_id';
      const [row] = (await fixture.store.connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table_name} WHERE ${column} = $1`, [id])).getRowObjectsJS();
      if ((row!.n as number) > 0) counts[table_name] = row!.n as number;
    }
    return counts;
  };

  it("removes every row about the call, the uploaded copy and the transcoded audio, keeps the site's own recording, and audits it", async () => {
    // The server's copy of an upload of these bytes (as the upload store names it), its transcoded audio, and human work on the call.
    const uploadFolder = path.join(fixture.temp.file('data'), 'uploads', sha256);
    await mkdir(uploadFolder, { recursive: true });
    await copyFile(fixture.recordingPaths[0]!, path.join(uploadFolder, 'copy.wav'));
    expect((await fixture.request('admin', 'GET', `/api/v1/calls/${callId}/audio`)).statusCode).toBe(200);
    // A bleeped rendering, as a server with redaction text+audio caches it beside the plain one.
    await writeFile(fixture.temp.file(`data/cache/audio/${sha256}-bleep-0123456789abcdef.mp3`), 'mp3');
    await fixture.request('qa', 'POST', `/api/v1/calls/${callId}/reviews`, { target: 'score', score: 70, comment: 'fine' });
    await fixture.request('admin', 'POST', `/api/v1/calls/${callId}/examples`, { start_s: 0.2, end_s: 1.4, label: 'good', guidance_ref: 'G1', note: 'greeting' });
    await fixture.request('agent', 'POST', `/api/v1/calls/${callId}/acknowledgement`, {});
    const cachedAudio = (await readdir(fixture.temp.file('data/cache/audio'))).map((name) => fixture.temp.file(`data/cache/audio/${name}`));
    expect(await exists(uploadFolder)).toBe(true);
    expect(cachedAudio).toHaveLength(2);
    const before = await rowsAbout(callId); // search_terms: the 7 + 6 + 6 words of its three utterances
    expect(before).toMatchObject({ calls: 1, reviews: 1, example_clips: 1, agent_responses: 1, search_terms: 19 });

    const deleted = await fixture.request('admin', 'DELETE', `/api/v1/calls/${callId}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toMatchObject({ call_id: callId, reason: 'request', deleted_by: 'admin-user', rows_deleted: before });
    expect(deleted.json().files_deleted.sort()).toEqual([...cachedAudio, uploadFolder].sort());
    expect(await rowsAbout(callId)).toEqual({});
    expect(await exists(uploadFolder)).toBe(false);
    for (const file of cachedAudio) expect(await exists(file)).toBe(false);
    expect(await exists(fixture.recordingPaths[0]!)).toBe(true);
    expect(await rowsAbout(fixture.callIds[1]!)).toMatchObject({ calls: 1 });
    const [audit] = (await fixture.store.connection.runAndReadAll("SELECT call_id, sha256, reason, deleted_by FROM call_deletions")).getRowObjectsJS();
    expect(audit).toEqual({ call_id: callId, sha256, reason: 'request', deleted_by: 'admin-user' });
    expect((await fixture.request('admin', 'GET', `/api/v1/calls/${callId}`)).statusCode).toBe(404);
    expect((await fixture.request('admin', 'DELETE', `/api/v1/calls/${callId}`)).statusCode).toBe(404);
  });
});
