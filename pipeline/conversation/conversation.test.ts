import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { conversationUtterances, loadConversation, sniffConversationFormat, type ConversationFormat } from './index.ts';

let temp: TempFolder;
beforeAll(async () => {
  temp = await createTempFolder('callqa-conversation-');
});
afterAll(() => temp.remove());

async function written(name: string, content: string | Buffer): Promise<string> {
  await writeFile(temp.file(name), content);
  return temp.file(name);
}

async function failure(file: string, format: ConversationFormat): Promise<{ code: string; message: string }> {
  return loadConversation(file, format).then(() => ({ code: 'none', message: '' }), (thrown: { code: string; message: string }) => thrown);
}

const zendesk = {
  ticket: { id: 81, via: { channel: 'chat' } },
  comments: [
    { id: 1, author_id: 501, created_at: '2025-03-04T09:15:00Z', plain_body: 'Hi, my router keeps dropping the connection.', public: true },
    { id: 2, author_id: 9001, created_at: '2025-03-04T09:15:30Z', plain_body: 'Customer verified on the phone.', public: false },
    { id: 3, author_id: 9001, created_at: '2025-03-04T09:15:42Z', plain_body: 'Hello, this is Mia from Northwind. Let me check the line.', public: true },
  ],
  users: [{ id: 501, name: 'Sam Lee', role: 'end-user' }, { id: 9001, name: 'Mia', role: 'agent' }],
};

describe('conversation import', () => {
  it('reads the callqa JSON form into utterances at their seconds after the first message, in time order', async () => {
    const file = await written('chat.json', JSON.stringify({ channel: 'chat', messages: [
      { party: 'agent', sent_at: '2025-03-04T10:00:42+01:00', text: ' Hello, Anna here. ' },
      { party: 'customer', sent_at: '2025-03-04T10:00:00+01:00', text: 'Hi!' },
      { party: 'customer', sent_at: '2025-03-04T09:02:00Z', text: '' },
    ] }));
    expect(await sniffConversationFormat(file, false)).toBe('callqa-json');
    const conversation = await loadConversation(file, 'callqa-json');
    expect(conversation.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(conversationUtterances(conversation)).toEqual([
      { party: 'customer', start: 0, end: 0, text: 'Hi!', sent_at: '2025-03-04T10:00:00+01:00' },
      { party: 'agent', start: 42, end: 42, text: 'Hello, Anna here.', sent_at: '2025-03-04T10:00:42+01:00' },
    ]);
  });

  it('reads a semicolon CSV with quoted multi-line text, Russian column names, day-first times and authors named in the sidecar', async () => {
    const file = await written('chat.csv', '\uFEFFВремя;Автор;Текст;chat_id\r\n04.03.2025 10:00:05;Иван;"Здравствуйте,\r\nне приходит ""счёт""";7\r\n04.03.2025 10:01:00;Оператор;Добрый день!;7\r\n');
    await written('chat.parties.json', JSON.stringify({ Иван: 'customer' }));
    expect(await sniffConversationFormat(file, false)).toBe('csv');
    const conversation = await loadConversation(file, 'csv');
    expect(conversation.channel).toBe('chat');
    expect(conversation.messages.map(({ party, sentAt, text }) => [party, sentAt, text])).toEqual([
      ['customer', '2025-03-04T10:00:05', 'Здравствуйте,\nне приходит "счёт"'],
      ['agent', '2025-03-04T10:01:00', 'Добрый день!'],
    ]);
  });

  it('reads Zendesk comments: roles give parties, internal notes are left out, a chat ticket is a chat', async () => {
    const file = await written('ticket-81.json', JSON.stringify(zendesk));
    expect(await sniffConversationFormat(file, false)).toBe('zendesk-json');
    const conversation = await loadConversation(file, 'zendesk-json');
    expect(conversation.channel).toBe('chat');
    expect(conversation.messages.map(({ party, text }) => [party, text])).toEqual([
      ['customer', 'Hi, my router keeps dropping the connection.'],
      ['agent', 'Hello, this is Mia from Northwind. Let me check the line.'],
    ]);
    const email = await written('ticket-82.json', JSON.stringify({ ...zendesk, ticket: { id: 82, via: { channel: 'email' } } }));
    expect((await loadConversation(email, 'zendesk-json')).channel).toBe('email');
  });

  it('tells conversations from other files: a named CSV is one, a walked call-detail CSV, sidecar or transcript JSON is not', async () => {
    const cdr = await written('cdr.csv', 'call_id,agent_id,offered_at\n1,a,2025-03-04T10:00:00\n');
    expect(await sniffConversationFormat(cdr, false)).toBeNull();
    expect(await sniffConversationFormat(cdr, true)).toBe('csv');
    expect(await sniffConversationFormat(await written('x.meta.json', '{"agent": "a-1"}'), false)).toBeNull();
    expect(await sniffConversationFormat(await written('x.transcript.json', '{"utterances": []}'), true)).toBeNull();
    expect(await sniffConversationFormat(await written('noext', 'From: a@x.example\nDate: 3 Mar 2025 08:00 GMT\n\nhi\n'), true)).toBe('eml');
    expect(await sniffConversationFormat(await written('x.wav', Buffer.from('RIFF\0\0\0\0WAVE')), true)).toBeNull();
  });

  it('never opens a FIFO or a device to look inside: ingest reports those', async () => {
    await promisify(execFile)('mkfifo', [temp.file('pipe.json')]);
    expect(await sniffConversationFormat(temp.file('pipe.json'), true)).toBeNull();
    expect(await sniffConversationFormat('/dev/zero', true)).toBeNull();
  });

  it.each([
    ['an unknown CSV column', 'unknown.csv', 'time,author,text,mood\n2025-03-04 10:00,agent,Hi,happy\n', 'csv', 'CQA_ERR_CONVERSATION_COLUMNS', /column "mood" is not one callqa knows; rename the column, or add its name/],
    ['a CSV without a text column', 'notext.csv', 'time,author\n2025-03-04 10:00,agent\n', 'csv', 'CQA_ERR_CONVERSATION_COLUMNS', /no text column \(one of text, message/],
    ['an unparseable CSV time', 'baddate.csv', 'time,author,text\n2025-03-04 10:00,agent,Hi\n03/04/2025 10:01,customer,Hello\n', 'csv', 'CQA_ERR_CONVERSATION_DATE', /line 3: time "03\/04\/2025 10:01" is not a date/],
    ['an impossible date', 'feb30.json', '{"channel":"chat","messages":[{"party":"agent","sent_at":"2025-02-30T10:00:00","text":"Hi"}]}', 'callqa-json', 'CQA_ERR_CONVERSATION_DATE', /messages\[0\]\.sent_at/],
    ['an author nobody maps', 'stranger.csv', 'time,author,text\n2025-03-04 10:00,Bob,Hi\n', 'csv', 'CQA_ERR_CONVERSATION_PARTY', /author "Bob" is neither agent nor customer; add it to stranger\.parties\.json/],
    ['an empty thread', 'empty.json', '{"channel":"email","messages":[]}', 'callqa-json', 'CQA_ERR_CONVERSATION_EMPTY', /holds no message/],
    ['a header-only CSV', 'header.csv', 'time,author,text\n', 'csv', 'CQA_ERR_CONVERSATION_EMPTY', /holds no message/],
    ['a channel that is no written channel', 'voice.json', '{"channel":"voice","messages":[]}', 'callqa-json', 'CQA_ERR_CONVERSATION_FORMAT', /channel: must be "chat" or "email"/],
    ['a windows-1251 CSV', 'cp1251.csv', Buffer.concat([Buffer.from('time,author,text\n2025-03-04 10:00,agent,'), Buffer.from([0xcf, 0xf0, 0xe8])]), 'csv', 'CQA_ERR_CONVERSATION_ENCODING', /is not valid UTF-8.*save it as UTF-8/],
    ['an unclosed quote', 'quote.csv', 'time,author,text\n2025-03-04 10:00,agent,"Hi\n', 'csv', 'CQA_ERR_CONVERSATION_FORMAT', /quoted field is never closed/],
  ] as const)('refuses %s, naming the file, the cause and the fix', async (_, name, content, format, code, message) => {
    const error = await failure(await written(name, content), format);
    expect(error.code).toBe(code);
    expect(error.message).toContain(`conversation ${name}: `);
    expect(error.message).toMatch(message);
  });

  it('refuses an empty file as it refuses an empty recording', async () => {
    expect((await failure(await written('zero.csv', ''), 'csv')).code).toBe('CQA_ERR_INPUT_EMPTY');
  });
});
