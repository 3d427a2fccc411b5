import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { loadConversation, type Conversation } from './index.ts';

let temp: TempFolder;
beforeAll(async () => {
  temp = await createTempFolder('callqa-email-');
});
afterAll(() => temp.remove());

const encode = (text: string, charset: string) => {
  // Node has no single-byte encoders: build the bytes from the decoder's own table.
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((character) => {
    const byte = table.get(character);
    if (byte === undefined) throw new Error(`${character} is not in ${charset}`);
    return byte;
  }));
};
const quotedPrintable = (bytes: Buffer) => [...bytes].map((byte) => (byte >= 0x80 || byte === 0x3d ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte))).join('');

async function load(name: string, content: string | Buffer): Promise<Conversation> {
  await writeFile(temp.file(name), content);
  return loadConversation(temp.file(name), name.endsWith('.mbox') ? 'mbox' : 'eml');
}

async function failure(name: string, content: string | Buffer): Promise<{ code: string; message: string }> {
  return load(name, content).then(() => ({ code: 'none', message: '' }), (thrown: { code: string; message: string }) => thrown);
}

describe('e-mail import', () => {
  it('reads the text/plain alternative of a koi8-r base64 reply, without the quoted history or the signature', async () => {
    const plain = 'Здравствуйте, Иван!\nСпасибо за письмо. Мы вернём деньги до пятницы.\n\nИван Петров пишет:\n> Верните деньги.\n-- \nАнна, служба поддержки';
    const eml = Buffer.concat([
      Buffer.from('From: =?koi8-r?B?' + encode('Анна', 'koi8-r').toString('base64') + '?= <support@northwind.example>\r\n'
        + 'To: ivan@mail.example\r\nDate: Tue, 04 Mar 2025 10:15:00 +0300\r\nSubject: Re: refund\r\nMIME-Version: 1.0\r\n'
        + 'Content-Type: multipart/alternative;\r\n boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=KOI8-R\r\n'
        + 'Content-Transfer-Encoding: base64\r\n\r\n'),
      Buffer.from(encode(plain, 'koi8-r').toString('base64').replace(/(.{76})/g, '$1\r\n')),
      Buffer.from('\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>not this one</p>\r\n--b1--\r\n'),
    ]);
    const conversation = await load('reply.eml', eml);
    expect(conversation.channel).toBe('email');
    expect(conversation.format).toBe('eml');
    expect(conversation.messages).toEqual([
      { party: 'agent', sentAtMs: Date.UTC(2025, 2, 4, 7, 15), sentAt: '2025-03-04T10:15:00+03:00', text: 'Здравствуйте, Иван!\nСпасибо за письмо. Мы вернём деньги до пятницы.' },
    ]);
  });

  it('reads windows-1251 and iso-8859-2 quoted-printable, with earlier messages attached as message/rfc822, in time order', async () => {
    const earlier = `From: Kiss Péter <peter@mail.example>\nDate: Mon, 03 Mar 2025 08:00:00 +0100\nMessage-ID: <m1@mail.example>\nContent-Type: text/plain; charset=iso-8859-2\nContent-Transfer-Encoding: quoted-printable\n\n${quotedPrintable(encode('Jó napot! A számlám hibás, kérem javítsák.', 'iso-8859-2'))}\n`;
    const eml = `From: ugyfelszolgalat@northwind.example\nDate: Mon, 03 Mar 2025 09:30:00 +0100\nMessage-ID: <m2@northwind.example>\nContent-Type: multipart/mixed; boundary="mix"\n\n`
      + `--mix\nContent-Type: text/plain; charset=windows-1251\nContent-Transfer-Encoding: quoted-printable\n\n${quotedPrintable(encode('Спасибо, исправили.\nПётр Киш пишет:\n> Jo napot!', 'windows-1251'))}\n--mix\nContent-Type: message/rfc822\n\n${earlier}--mix\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=a.pdf\n\nJVBERi0=\n--mix--\n`;
    const conversation = await load('thread.eml', eml);
    expect(conversation.messages.map(({ party, text }) => [party, text])).toEqual([
      ['customer', 'Jó napot! A számlám hibás, kérem javítsák.'],
      ['agent', 'Спасибо, исправили.'],
    ]);
  });

  it('splits an mbox, unescapes >From lines, counts a repeated Message-ID once and cuts a wrapped reply header', async () => {
    const mbox = 'From customer@mail.example Mon Mar  3 08:00:00 2025\nFrom: Jane Roe <jane@mail.example>\nDate: 3 Mar 2025 08:00 GMT\nMessage-ID: <a@x>\n\nHello, my order 5521 never came.\n>From the shop page it says shipped.\n\n'
      + 'From support@northwind.example Mon Mar  3 12:00:00 2025\nFrom: "Northwind Support" <support@northwind.example>\nDate: Mon, 3 Mar 2025 07:05:00 EST\nMessage-ID: <b@x>\n\nDear Jane, thank you for writing. It will arrive tomorrow.\n\nOn Mon, 3 Mar 2025 at 08:00, Jane Roe <\njane@mail.example> wrote:\n\n-----Original Message-----\nFrom: Jane Roe\nHello, my order 5521 never came.\n\n'
      + 'From customer@mail.example Mon Mar  3 13:00:00 2025\nFrom: jane@mail.example (Jane Roe)\nDate: 3 Mar 2025 08:00 GMT\nMessage-ID: <a@x>\n\nHello, my order 5521 never came.\n';
    const conversation = await load('thread.mbox', mbox);
    expect(conversation.messages.map(({ party, sentAt, text }) => [party, sentAt, text])).toEqual([
      ['customer', '2025-03-03T08:00:00Z', 'Hello, my order 5521 never came.\nFrom the shop page it says shipped.'],
      ['agent', '2025-03-03T07:05:00-05:00', 'Dear Jane, thank you for writing. It will arrive tomorrow.'],
    ]);
  });

  it('names the file, the part and the fix for a part whose bytes are not its declared charset', async () => {
    const eml = Buffer.concat([Buffer.from('From: a@mail.example\nDate: 3 Mar 2025 08:00 GMT\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n'), encode('Привет', 'windows-1251')]);
    const error = await failure('mixed.eml', eml);
    expect(error.code).toBe('CQA_ERR_CONVERSATION_ENCODING');
    expect(error.message).toMatch(/mixed\.eml: message \(text\/plain; charset=utf-8\): the text is not valid utf-8.*re-export/);
  });

  it.each([
    ['unknown charset', 'From: a@x.example\nDate: 3 Mar 2025 08:00 GMT\nContent-Type: text/plain; charset=x-martian\n\nhi\n', 'CQA_ERR_CONVERSATION_ENCODING', /x-martian/],
    ['no Date', 'From: a@x.example\nContent-Type: text/plain\n\nhi\n', 'CQA_ERR_CONVERSATION_DATE', /no Date header/],
    ['a Date that is no date', 'From: a@x.example\nDate: yesterday\n\nhi\n', 'CQA_ERR_CONVERSATION_DATE', /"yesterday" is not an RFC 5322 date/],
    ['a multipart without boundary', 'From: a@x.example\nDate: 3 Mar 2025 08:00 GMT\nContent-Type: multipart/mixed\n\nhi\n', 'CQA_ERR_CONVERSATION_FORMAT', /multipart\/mixed without its boundary/],
    ['only quoted history', 'From: a@x.example\nDate: 3 Mar 2025 08:00 GMT\n\n> old text\n> more\n', 'CQA_ERR_CONVERSATION_EMPTY', /every message is empty once quoted replies/],
  ])('refuses %s with its catalogue code', async (_, eml, code, message) => {
    const error = await failure('bad.eml', eml);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^conversation bad\.eml: /);
    expect(error.message).toMatch(message);
  });
});
