import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { probeRecording } from '../ingest/probe.ts';
import { compileNamePattern, gatherMetadata, type KnownMetadata } from './index.ts';
import { readNamePattern } from './name-pattern.ts';

const run = promisify(execFile);

/** A one-second recording with the given container tags, written by the real ffmpeg. */
async function taggedRecording(file: string, tags: Record<string, string>, codecArgs: string[] = ['-c:a', 'pcm_mulaw']): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  const metadata = Object.entries(tags).flatMap(([name, value]) => ['-metadata', `${name}=${value}`]);
  await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=400:duration=1:sample_rate=8000', ...metadata, ...codecArgs, file]);
  return file;
}

async function gather(file: string, known: KnownMetadata = {}, pattern: string | null = null) {
  const probe = await probeRecording(file);
  return gatherMetadata({ source: file, tags: probe.tags, known, namePattern: pattern ? compileNamePattern(pattern) : null }, silentEffects);
}

const pbxPattern = '{date:YYYYMMDD}-{time:HHmmss}_{agent}_{queue}_{direction}.wav';

describe('file-name patterns', () => {
  it('reads date, time, agent, queue and direction from a PBX-style name, with or without the extension in the pattern', () => {
    const fields = { agent_id: 'a-17', queue: 'billing', direction: 'in', started_at: '2024-03-04T09:15:07', custom: {} };
    expect(readNamePattern(compileNamePattern(pbxPattern), '20240304-091507_a-17_billing_in.wav')).toEqual(fields);
    expect(readNamePattern(compileNamePattern(pbxPattern.replace('.wav', '')), '20240304-091507_a-17_billing_in.mp3')).toEqual(fields);
  });

  it('keeps unknown names as custom fields, skips {*}, and refuses a name that does not fit', () => {
    const pattern = compileNamePattern('{*}-{date:YYYY-MM-DD}_{site}_{agent}');
    expect(readNamePattern(pattern, 'rec-2024-12-01_budapest_anna.ogg')).toEqual({ agent_id: 'anna', started_at: '2024-12-01T00:00:00', custom: { site: 'budapest' } });
    expect(readNamePattern(pattern, 'no-date-here.wav')).toBeNull();
    expect(readNamePattern(compileNamePattern(pbxPattern), '20241399-091507_a_b_in.wav')).toEqual({ agent_id: 'a', queue: 'b', direction: 'in', custom: {} });
  });

  it('takes a ^regular expression with named groups', () => {
    const pattern = compileNamePattern('^(?<queue>[a-z]+)\\.(?<agent>\\d+)\\.(?<date>\\d{8})T(?<time>\\d{6})\\.(?<ticket>\\w+)\\.wav$');
    expect(readNamePattern(pattern, 'sales.0042.20240304T101500.T99.wav')).toEqual({
      queue: 'sales', agent_id: '0042', started_at: '2024-03-04T10:15:00', custom: { ticket: 'T99' },
    });
  });

  it.each([
    ['', /it is empty/],
    ['{date}_{agent}', /\{date\} needs a format/],
    ['{agent}_{agent}', /\{agent\} appears twice/],
    ['{agent-name}', /not a field name/],
    ['{agent', /unbalanced brace/],
    ['^(?<agent>', /not a valid regular expression/],
  ])('refuses %j with a config error naming the problem', (pattern, problem) => {
    expect(() => compileNamePattern(pattern)).toThrow(expect.objectContaining({ code: 'CQA_ERR_CONFIG_INVALID', message: expect.stringMatching(problem) }));
  });
});

describe('gatherMetadata on real recordings', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it('reads WAV INFO, ID3 and Vorbis tags', async () => {
    const tags = { artist: 'agent-4', album: 'sales', date: '2024-03-05', direction: 'outgoing' };
    for (const [name, codec] of [['call.wav', ['-c:a', 'pcm_mulaw']], ['call.mp3', ['-c:a', 'libmp3lame']], ['call.ogg', ['-c:a', 'libvorbis']]] as const) {
      const gathered = await gather(await taggedRecording(temp.file(`tags/${name}`), tags, [...codec]));
      expect(gathered.agentId, name).toBe('agent-4');
      expect(gathered.metadata, name).toMatchObject({
        started_at: '2024-03-05T00:00:00', queue: 'sales', sources: { agent_id: 'tags', queue: 'tags', started_at: 'tags' },
      });
      // WAV INFO has no chunk for a direction; ID3 and Vorbis keep any name.
      if (!name.endsWith('.wav')) expect(gathered.metadata.direction, name).toBe('outbound');
    }
  });

  it('takes each field from the strongest source: request, sidecar, file name, tags', async () => {
    const file = await taggedRecording(temp.file('layers/20240304-091507_a-17_billing_in.wav'), { artist: 'from-tags', album: 'tag-queue', comment: 'x' });
    await writeFile(temp.file('layers/20240304-091507_a-17_billing_in.meta.json'), JSON.stringify({ queue: 'sidecar-queue', customer: 'C-9', crm_case: 4711 }));
    const gathered = await gather(file, { started_at: '2024-03-04T09:00:00+01:00' }, pbxPattern);
    expect(gathered).toEqual({
      agentId: 'a-17',
      metadata: {
        started_at: '2024-03-04T09:00:00+01:00', queue: 'sidecar-queue', direction: 'inbound', customer_ref: 'C-9', custom: { crm_case: '4711' },
        sources: { started_at: 'request', queue: 'sidecar', customer_ref: 'sidecar', 'custom.crm_case': 'sidecar', agent_id: 'file-name', direction: 'file-name' },
      },
    });
    const withoutPattern = await gather(file);
    expect([withoutPattern.agentId, withoutPattern.metadata.sources.agent_id, withoutPattern.metadata.started_at]).toEqual(['from-tags', 'tags', null]);
  });

  it('refuses a sidecar that is not an object of valid fields, naming the file and field; ignores an unreadable tag', async () => {
    const file = await taggedRecording(temp.file('bad/call.ogg'), { direction: 'sideways' }, ['-c:a', 'libvorbis']);
    expect((await gather(file)).metadata.direction).toBeNull();
    for (const [content, problem] of [
      ['[1]', /call\.meta\.json: must be a JSON object/],
      ['{"agent": ', /call\.meta\.json: not valid JSON/],
      ['{"started_at": "yesterday"}', /call\.meta\.json: started_at "yesterday" is not a date and time/],
      ['{"direction": "sideways"}', /call\.meta\.json: direction "sideways" is not inbound, outbound or internal/],
      ['{"agent": {"name": "x"}}', /"agent" must be text/],
    ] as const) {
      await writeFile(temp.file('bad/call.meta.json'), content);
      await expect(gather(file)).rejects.toMatchObject({ code: 'CQA_ERR_METADATA_INVALID', message: expect.stringMatching(problem) });
    }
  });
});
