/** A chat conversation beside the seeded calls: the channel filter, the thread in the detail, no audio, agent figures by channel, exports. */
import { copyFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../../core/effects.ts';
import { analyzeAndRecord } from '../../../pipeline/record-call.ts';
import { storeWriter } from '../../../store/index.ts';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

const samples = new URL('../../../samples/conversations/', import.meta.url).pathname;

describe('conversations in the API', () => {
  let fixture: ApiFixture;
  let chatId: string;
  beforeAll(async () => {
    fixture = await createApiFixture();
    for (const name of ['hu-chat-01-roaming.json', 'hu-chat-01-roaming.meta.json']) await copyFile(`${samples}${name}`, fixture.temp.file(name));
    const recorded = await analyzeAndRecord(
      { source: fixture.temp.file('hu-chat-01-roaming.json'), agentChannel: 0, known: {}, transcriptPath: null },
      fixture.analyzeConfig, storeWriter(fixture.store), silentEffects,
    );
    if (recorded.status !== 'ok') throw new Error(`the sample chat did not analyse: ${recorded.error.message}`);
    chatId = recorded.result.call_id!;
  });
  afterAll(() => fixture.close());

  it.each([
    ['channel=chat', 'chat'],
    ['channel=voice', 'voice'],
    ['channel=email', 'none'],
  ])('filters the list by %s', async (query, expected) => {
    const body = (await fixture.request('qa', 'GET', `/api/v1/calls?${query}`)).json();
    const ids = body.items.map((item: { call_id: string }) => item.call_id).sort();
    expect(ids).toEqual(expected === 'chat' ? [chatId] : expected === 'voice' ? [...fixture.callIds].sort() : []);
    expect(body.items.every((item: { channel: string }) => item.channel === expected)).toBe(true);
  });

  it('refuses a channel it does not know', async () => {
    expect((await fixture.request('qa', 'GET', '/api/v1/calls?channel=fax')).json().code).toBe('CQA_ERR_API_BAD_REQUEST');
  });

  it('serves the message thread in the detail, and no audio', async () => {
    const detail = (await fixture.request('qa', 'GET', `/api/v1/calls/${chatId}`)).json();
    expect(detail.call.channel).toBe('chat');
    expect(detail.result.utterances.map((utterance: { party: string; sent_at: string }) => [utterance.party, utterance.sent_at]).slice(0, 2)).toEqual([
      ['customer', '2026-11-17T08:30:00Z'], ['agent', '2026-11-17T08:30:35Z'],
    ]);
    const audio = await fixture.request('qa', 'GET', `/api/v1/calls/${chatId}/audio`);
    expect(audio.statusCode).toBe(422);
    expect(audio.json().message).toMatch(/is a chat conversation: it has no audio/);
    const reviews = await fixture.request('qa', 'GET', `/api/v1/calls/${chatId}/reviews`);
    expect(reviews.statusCode, reviews.body).toBe(200);
    expect(reviews.json()).toEqual([]);
  });

  it('counts the chat among the agent\'s contacts and leaves it out of the per-call voice figures', async () => {
    const stats = (await fixture.request('supervisor', 'GET', '/api/v1/agents/stats?agent=hu-a01&period=month')).json();
    expect(stats).toMatchObject([{ agent_id: 'hu-a01', calls: 1, contacts_by_channel: { voice: 0, chat: 1, email: 0 }, holds_per_call: null }]);
  });

  it('exports the channel', async () => {
    const csv = (await fixture.request('qa', 'GET', '/api/v1/exports/calls.csv?channel=chat')).body.split('\r\n');
    expect(csv[1]).toMatch(new RegExp(`^${chatId},hu-chat-01-roaming.json,.*,chat,100,100,false,,,false$`));
  });
});
