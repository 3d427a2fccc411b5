/**
 * Issue 17's acceptance for PII: a sample-like call whose customer gives a card number (as
 * digits, and again read digit by digit) is analysed with the default settings through the
 * real pipeline into a real DuckDB file, and no run of the card's digits survives in any
 * stored text, the exports, the search index or what the server serves. The same call
 * analysed with redaction text+audio is served with a tone over the card, in its audio and
 * in an example clip.
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../../core/effects.ts';
import { analyzeAndRecord } from '../../../pipeline/record-call.ts';
import { exportTables } from '../../../store/export/index.ts';
import { storeWriter } from '../../../store/index.ts';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';
import { readStoredZip } from '../../read-zip.test-helper.ts';
import { makeSeedRecording } from '../../seed-calls.test-helper.ts';

const card = '4666176031372159';
const spokenDigits = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The digits a text says, written or spoken, in order: "4666 one seven" → "466617". */
function digitsSaid(text: string): string {
  return (text.toLowerCase().match(/\d|[a-z]+/g) ?? []).map((token) => (/\d/.test(token) ? token : String(spokenDigits.indexOf(token)).replace('-1', ''))).join('');
}

/** Whether any six consecutive digits of the card are said in `text`. */
function leaksCard(text: string): boolean {
  const said = digitsSaid(text);
  return Array.from({ length: card.length - 5 }, (_, start) => card.slice(start, start + 6)).some((window) => said.includes(window));
}

let fixture: ApiFixture;
let callId: string;
let bleepedCallId: string;

const cardTranscript = {
  utterances: [
    { party: 'agent', start: 0.2, end: 0.9, text: 'Thank you for calling, this is Anna. Which card would you like to use?' },
    { party: 'customer', start: 1.0, end: 1.9, text: 'It is 4666 1760 3137 2159, expiry next May.' },
    { party: 'agent', start: 2.0, end: 2.6, text: 'Sorry, could you please read it again?' },
    { party: 'customer', start: 2.7, end: 3.9, text: 'Four six six six, one seven six zero, three one three seven, two one five nine.' },
  ],
};

/** Analyses seed recording `index` (4 s of 300 Hz on channel 0) with the card transcript beside it. */
async function analyseCardCall(index: number, redaction: 'text' | 'text+audio'): Promise<string> {
  const recording = await makeSeedRecording(fixture.temp.file('pii'), index);
  await writeFile(recording.replace(/\.wav$/, '.transcript.json'), JSON.stringify(cardTranscript));
  const config = { ...fixture.analyzeConfig, redaction };
  const recorded = await analyzeAndRecord({ source: recording, agentChannel: 0, known: {}, transcriptPath: null }, config, storeWriter(fixture.store), silentEffects);
  if (recorded.status !== 'ok') throw new Error(`the card call was not stored: ${recorded.error.message}`);
  return recorded.result.call_id;
}

/** Zero crossings per second of channel 0 of an MP3 between `fromS` and `toS`: about 600 for the call's 300 Hz, 2,000 for the 1 kHz bleep. */
async function crossingsPerSecond(mp3: Buffer, fromS: number, toS: number): Promise<number> {
  const file = fixture.temp.file(`served-${fromS}-${mp3.length}.mp3`);
  await writeFile(file, mp3);
  const { stdout } = await promisify(execFile)('ffmpeg', ['-v', 'error', '-i', file, '-af', 'pan=mono|c0=c0', '-ar', '24000', '-f', 'f32le', 'pipe:1'], { encoding: 'buffer', maxBuffer: 1 << 26 });
  const samples = new Float32Array(stdout.buffer, stdout.byteOffset, stdout.length / 4).subarray(Math.round(fromS * 24000), Math.round(toS * 24000));
  let crossings = 0;
  for (let index = 1; index < samples.length; index++) if ((samples[index - 1]! < 0) !== (samples[index]! < 0)) crossings += 1;
  return crossings / (toS - fromS);
}

async function rows<T>(sql: string, values: string[]): Promise<T[]> {
  return (await fixture.store.connection.runAndReadAll(sql, values)).getRowObjectsJson() as T[];
}

beforeAll(async () => {
  fixture = await createApiFixture();
  callId = await analyseCardCall(7, 'text');
  bleepedCallId = await analyseCardCall(8, 'text+audio');
}, 60_000);
afterAll(() => fixture.close());

describe('a call with a card number in its transcript (redaction text, the default)', () => {
  it('the fixture would leak without redaction: the check sees the card in the raw transcript', () => {
    expect(leaksCard('It is 4666 1760 3137 2159')).toBe(true);
    expect(leaksCard('Four six six six, one seven six zero, three one three seven')).toBe(true);
  });

  it('records both redactions, without the value', async () => {
    const [row] = await rows<{ result_json: string }>('SELECT result_json::VARCHAR AS result_json FROM calls WHERE call_id = $1', [callId]);
    const result = JSON.parse(row!.result_json) as { redaction?: { mode: string; spans: { kind: string; party: string; utterance: number }[] } };
    expect(result.redaction?.mode).toBe('text');
    expect(result.redaction?.spans.map(({ kind, party, utterance }) => ({ kind, party, utterance }))).toEqual([
      { kind: 'card', party: 'customer', utterance: 1 },
      { kind: 'card', party: 'customer', utterance: 3 },
    ]);
    expect(leaksCard(row!.result_json)).toBe(false);
  });

  it('leaves no run of the card digits in any stored text', async () => {
    const texts = await rows<{ text: string }>(
      `SELECT text FROM utterances WHERE call_id = $1
       UNION ALL SELECT term FROM search_terms WHERE call_id = $1
       UNION ALL SELECT evidence::VARCHAR FROM rule_results WHERE call_id = $1`,
      [callId],
    );
    expect(texts.length).toBeGreaterThan(4);
    expect(texts.map((row) => row.text).join(' ')).toContain('[card]');
    expect(texts.filter((row) => leaksCard(row.text))).toEqual([]);
    // Terms in order, so digits split across rows would still be caught.
    const terms = await rows<{ term: string }>('SELECT term FROM search_terms WHERE call_id = $1 ORDER BY utterance_idx, position', [callId]);
    expect(leaksCard(terms.map((row) => row.term).join(' '))).toBe(false);
  });

  it('leaves none in what the server serves: call detail, search and CSV export', async () => {
    const detail = await fixture.request('qa', 'GET', `/api/v1/calls/${callId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('[card]');
    expect(leaksCard(detail.body)).toBe(false);
    const search = await fixture.request('qa', 'GET', '/api/v1/search?q=4666');
    expect(search.statusCode).toBe(200);
    expect(leaksCard(search.body)).toBe(false);
    const csv = await fixture.request('qa', 'GET', '/api/v1/exports/calls.csv');
    expect(csv.statusCode).toBe(200);
    expect(leaksCard(csv.body)).toBe(false);
  });

  it('leaves none in `callqa export` files', async () => {
    const outDir = fixture.temp.file('export');
    await exportTables(fixture.store, { format: 'csv', outDir, since: null });
    const files = await readdir(outDir);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(leaksCard(await readFile(path.join(outDir, file), 'utf8')), file).toBe(false);
  });
});

describe('the same call analysed with redaction text+audio', () => {
  it('serves its audio with a tone over each card number, and the rest as recorded', async () => {
    const audio = await fixture.request('qa', 'GET', `/api/v1/calls/${bleepedCallId}/audio`);
    expect(audio.statusCode).toBe(200);
    expect(await crossingsPerSecond(audio.rawPayload, 1.2, 1.7)).toBeGreaterThan(1800);
    expect(await crossingsPerSecond(audio.rawPayload, 3.0, 3.7)).toBeGreaterThan(1800);
    expect(await crossingsPerSecond(audio.rawPayload, 0.2, 0.8)).toBeLessThan(700);
    const plain = await fixture.request('qa', 'GET', `/api/v1/calls/${callId}/audio`);
    expect(await crossingsPerSecond(plain.rawPayload, 1.2, 1.7)).toBeLessThan(700);
  });

  it('bleeps an example clip cut over the card, at the clip\'s own times', async () => {
    const created = await fixture.request('trainer', 'POST', `/api/v1/calls/${bleepedCallId}/examples`, {
      start_s: 0.5, end_s: 2.5, label: 'good', guidance_ref: 'G2', note: 'Asks for the card politely.',
    });
    expect(created.statusCode).toBe(201);
    const clip = await fixture.request('trainer', 'GET', `/api/v1/examples/${created.json().example_id}/clip`);
    const entries = readStoredZip(clip.rawPayload);
    expect(await crossingsPerSecond(entries.get('clip.mp3')!, 0.7, 1.2)).toBeGreaterThan(1800);
    expect(await crossingsPerSecond(entries.get('clip.mp3')!, 0.0, 0.4)).toBeLessThan(700);
    expect(leaksCard(entries.get('transcript.txt')!.toString('utf8'))).toBe(false);
  });
});
