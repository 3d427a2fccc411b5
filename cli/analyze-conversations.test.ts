/**
 * `callqa analyze` over a folder holding a call and chat and e-mail conversations (the shipped
 * samples, each in another import form): every one stored with its channel, the voice-only
 * rules n/a for the conversations, the identity the sha256 of the bytes, a rescore that
 * reproduces them, phone KPIs over calls only, and a broken conversation failing alone with
 * its catalogue code.
 */
import { createHash } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import type { CallResult } from '../pipeline/result/call-result.ts';
import { queryDb, runCli } from './run-cli.test-helper.ts';

const samples = new URL('../samples/', import.meta.url).pathname;
const conversations = ['en-chat-01-parcel-missing.csv', 'ru-email-01-refund.eml', 'hu-chat-01-roaming.json', 'ru-email-02-delivery.mbox'];

describe('callqa analyze on chat and e-mail conversations', () => {
  let temp: TempFolder;
  let results: CallResult[];
  let exitCode: number | null;
  let stderr: string;
  beforeAll(async () => {
    temp = await createTempFolder();
    await copyFile(path.join(samples, 'calls/en-01-billing-dispute.wav'), temp.file('en-01-billing-dispute.wav'));
    await copyFile(path.join(samples, 'calls/en-01-billing-dispute.transcript.json'), temp.file('en-01-billing-dispute.transcript.json'));
    for (const name of conversations) {
      await copyFile(path.join(samples, 'conversations', name), temp.file(name));
      const stem = path.basename(name, path.extname(name));
      await copyFile(path.join(samples, 'conversations', `${stem}.meta.json`), temp.file(`${stem}.meta.json`));
    }
    await copyFile(path.join(samples, 'conversations/en-chat-01-parcel-missing.parties.json'), temp.file('en-chat-01-parcel-missing.parties.json'));
    await writeFile(temp.file('broken.csv'), 'timestamp,author,text\nyesterday,agent,Hello\n');
    const outcome = await runCli(['analyze', temp.folder, '--json', '--db', temp.file('callqa.duckdb')]);
    ({ exitCode, stderr } = outcome);
    results = outcome.stdout.trim().split('\n').map((line) => JSON.parse(line) as CallResult);
  }, 120_000);
  afterAll(() => temp.remove());

  it('analyses each conversation beside the call, the bad one failing alone with its code (exit 1)', () => {
    expect(exitCode).toBe(1);
    const broken = results.find((result) => result.source.endsWith('broken.csv'));
    expect(broken?.error?.code).toBe('CQA_ERR_CONVERSATION_DATE');
    expect(stderr).toMatch(/broken\.csv: line 2: time "yesterday" is not a date and time callqa reads/);
    const byName = Object.fromEntries(results.map((result) => [path.basename(result.source), result]));
    expect(Object.fromEntries(Object.entries(byName).map(([name, result]) => [name, [result.status, result.channel, result.container, result.language]]))).toEqual({
      'en-01-billing-dispute.wav': ['ok', 'voice', 'wav', 'en'],
      'en-chat-01-parcel-missing.csv': ['ok', 'chat', 'csv', 'en'],
      'hu-chat-01-roaming.json': ['ok', 'chat', 'zendesk-json', 'hu'],
      'ru-email-01-refund.eml': ['ok', 'email', 'eml', 'ru'],
      'ru-email-02-delivery.mbox': ['ok', 'email', 'mbox', 'ru'],
      'broken.csv': ['error', undefined, null, null],
    });
  });

  it('gives a conversation no audio, n/a for the voice-only rules, a first message as its start and the sha256 of its bytes as identity', async () => {
    const chat = results.find((result) => result.source.endsWith('.csv') && result.status === 'ok')!;
    expect(chat.sha256).toBe(createHash('sha256').update(await readFile(chat.source)).digest('hex'));
    expect([chat.channels, chat.sample_rate, chat.parties, chat.channel_levels, chat.speech_segments]).toEqual([null, null, null, [], []]);
    expect(chat.metadata?.started_at).toBe('2026-11-17T14:02:10');
    expect(chat.agent_id).toBe('en-a01');
    const statusOf = (id: string) => chat.rules.find((rule) => rule.id === id)?.status;
    expect(['no-interruptions', 'hold-consent', 'hold-duration-stated', 'hold-thanks'].map(statusOf)).toEqual(['n/a', 'n/a', 'n/a', 'n/a']);
    expect([statusOf('first-response'), statusOf('longest-wait'), statusOf('greeting')]).toEqual(['pass', 'pass', 'pass']);
    expect(chat.event_types_checked).not.toContain('hold');
    const call = results.find((result) => result.source.endsWith('.wav'))!;
    expect([call.rules.find((rule) => rule.id === 'first-response')?.status, call.rules.find((rule) => rule.id === 'hold-consent')?.status]).toEqual(['n/a', 'pass']);
  });

  it('stores the channel column from the result, and the messages as utterances with their times', async () => {
    const rows = await queryDb(temp.file('callqa.duckdb'), `SELECT file_name, channel, (SELECT count(*)::INTEGER FROM utterances u WHERE u.call_id = c.call_id) AS utterances
      FROM effective_calls c ORDER BY file_name`);
    expect(rows).toEqual([
      { file_name: 'en-01-billing-dispute.wav', channel: 'voice', utterances: 14 },
      { file_name: 'en-chat-01-parcel-missing.csv', channel: 'chat', utterances: 8 },
      { file_name: 'hu-chat-01-roaming.json', channel: 'chat', utterances: 6 },
      { file_name: 'ru-email-01-refund.eml', channel: 'email', utterances: 4 },
      { file_name: 'ru-email-02-delivery.mbox', channel: 'email', utterances: 4 },
    ]);
    const [chat] = await queryDb(temp.file('callqa.duckdb'), `SELECT list(u.start_s ORDER BY u.utterance_idx) AS starts, list(u.party ORDER BY u.utterance_idx) AS parties
      FROM utterances u JOIN calls c USING (call_id) WHERE c.file_name = 'en-chat-01-parcel-missing.csv'`);
    expect(chat).toEqual({ starts: [0, 38, 80, 125, 172, 210, 250, 271], parties: ['customer', 'agent', 'customer', 'agent', 'customer', 'agent', 'customer', 'agent'] });
  });

  it('rescores the stored conversations to the same results, and keeps them out of the phone KPIs', async () => {
    const rescore = await runCli(['rescore', '--db', temp.file('callqa.duckdb')]);
    expect(rescore.stderr).toMatch(/5 calls judged, 0 changed/);
    const kpiRows = await queryDb(temp.file('callqa.duckdb'), 'SELECT count(*)::INTEGER AS n FROM call_recording_metrics');
    expect(kpiRows).toEqual([{ n: 1 }]);
  });
});
