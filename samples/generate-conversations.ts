/**
 * `npm run samples` (after the calls): renders each hand-written conversation script in
 * `conversation-scripts/` into the export form it names, so every importer meets a file as a
 * real system writes it — chat CSV, callqa JSON, Zendesk comments, `.eml` and mbox with quoted
 * history, signatures and the script's character set and transfer encoding — plus its
 * `.meta.json` (agent, queue) and `.truth.json` (`callqa.conversation-truth/1`: the verdict each
 * rule should reach). Deterministic: the same scripts give the same bytes.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDecoder } from 'node:util';

interface Person { name: string; address: string }
interface ScriptMessage { party: 'agent' | 'customer'; at: string; text: string }
export interface ConversationScript {
  language: 'en' | 'ru' | 'hu';
  channel: 'chat' | 'email';
  format: 'callqa-json' | 'csv' | 'eml' | 'mbox' | 'zendesk-json';
  /** E-mail only: the character set and transfer encoding every message is written in. */
  charset?: string;
  transferEncoding?: 'base64' | 'quoted-printable' | '8bit';
  subject?: string;
  agent: Person & { id: string; signature?: string };
  customer: Person;
  queue: string;
  quality: string;
  messages: ScriptMessage[];
  rules: Record<string, 'pass' | 'fail' | 'n/a'>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const conversationScriptsDir = path.join(here, 'conversation-scripts');
export const conversationsDir = path.join(here, 'conversations');
const extensions = { 'callqa-json': '.json', csv: '.csv', eml: '.eml', mbox: '.mbox', 'zendesk-json': '.json' } as const;

function encode(text: string, charset: string): Buffer {
  if (/^utf-?8$/i.test(charset)) return Buffer.from(text, 'utf8');
  // Node encodes no single-byte charsets: invert the decoder's table.
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((character) => table.get(character) ?? 0x3f));
}

/** Quoted-printable with soft line breaks before 76 characters, never inside an =XX escape. */
function quotedPrintable(bytes: Buffer): string {
  const lines = bytes.toString('latin1').split('\n').map((line) => {
    const tokens = [...line].map((character) => {
      const code = character.charCodeAt(0);
      return code >= 0x80 || character === '=' ? `=${code.toString(16).toUpperCase().padStart(2, '0')}` : character;
    });
    const wrapped: string[] = [''];
    for (const token of tokens) {
      if (wrapped.at(-1)!.length + token.length > 74) wrapped.push('');
      wrapped[wrapped.length - 1] += token;
    }
    return wrapped.join('=\n');
  });
  return lines.join('\n');
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-11-16T09:15:00+01:00` as RFC 5322 keeps it: the same wall-clock time and offset. */
function mailDate(at: string): string {
  const [, y, mo, d, h, mi, s, offset = '+00:00'] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(.*)$/.exec(at)!;
  const weekday = weekdays[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  return `${weekday}, ${Number(d)} ${months[Number(mo) - 1]} ${y} ${h}:${mi}:${s} ${offset === 'Z' ? '+0000' : offset.replace(':', '')}`;
}

interface RenderedMail {
  envelope: string[];
  contentHeaders: string[];
  body: Buffer;
}

function renderMail(script: ConversationScript, index: number): RenderedMail {
  const message = script.messages[index]!;
  const [from, to] = message.party === 'agent' ? [script.agent, script.customer] : [script.customer, script.agent];
  const previous = script.messages[index - 1];
  const charset = script.charset ?? 'utf-8';
  const encoding = script.transferEncoding ?? '8bit';
  const signature = message.party === 'agent' && script.agent.signature ? `\n\n-- \n${script.agent.signature}` : '';
  const previousFrom = previous?.party === 'agent' ? script.agent : script.customer;
  const quoted = previous
    ? `\n\n${mailDate(previous.at)}, ${previousFrom.name} <${previousFrom.address}> ${{ en: 'wrote', ru: 'пишет', hu: 'írta' }[script.language]}:\n${previous.text.split('\n').map((line) => `> ${line}`).join('\n')}`
    : '';
  const bytes = encode(`${message.text}${signature}${quoted}\n`, charset);
  const body = encoding === 'base64' ? Buffer.from(`${bytes.toString('base64').replace(/(.{76})/g, '$1\n')}\n`)
    : encoding === 'quoted-printable' ? Buffer.from(`${quotedPrintable(bytes)}\n`, 'latin1') : bytes;
  return {
    envelope: [
      `From: =?utf-8?B?${Buffer.from(from.name).toString('base64')}?= <${from.address}>`, `To: ${to.address}`,
      `Subject: =?utf-8?B?${Buffer.from(`${index > 0 ? 'Re: ' : ''}${script.subject ?? ''}`).toString('base64')}?=`,
      `Date: ${mailDate(message.at)}`, `Message-ID: <${index + 1}.${script.agent.id}.${script.customer.address}>`, 'MIME-Version: 1.0',
    ],
    contentHeaders: [`Content-Type: text/plain; charset=${charset}`, `Content-Transfer-Encoding: ${encoding}`],
    body,
  };
}

const mailBytes = ({ envelope, contentHeaders, body }: RenderedMail) => Buffer.concat([Buffer.from(`${[...envelope, ...contentHeaders].join('\n')}\n\n`), body]);

/** A thread as one message: the latest, with the earlier ones attached as message/rfc822, newest first. */
function renderEml(script: ConversationScript): Buffer {
  const indexes = script.messages.map((_, index) => index).reverse();
  const [latest, ...earlier] = indexes.map((index) => renderMail(script, index));
  return Buffer.concat([
    Buffer.from(`${[...latest!.envelope, 'Content-Type: multipart/mixed; boundary="thread"'].join('\n')}\n\n--thread\n${latest!.contentHeaders.join('\n')}\n\n`),
    latest!.body,
    ...earlier.flatMap((mail) => [Buffer.from('--thread\nContent-Type: message/rfc822\n\n'), mailBytes(mail)]),
    Buffer.from('--thread--\n'),
  ]);
}

const csvCell = (value: string) => (/[",;\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The export file's bytes. */
export function renderConversation(script: ConversationScript): Buffer {
  const { messages } = script;
  const nameOf = (party: 'agent' | 'customer') => (party === 'agent' ? script.agent.name : script.customer.name);
  switch (script.format) {
    case 'callqa-json':
      return Buffer.from(`${JSON.stringify({ channel: script.channel, messages: messages.map(({ party, at, text }) => ({ party, sent_at: at, text })) }, null, 2)}\n`);
    case 'csv':
      return Buffer.from(['timestamp,author,text', ...messages.map(({ party, at, text }) => [at.replace('T', ' ').slice(0, 19), nameOf(party), text].map(csvCell).join(','))].join('\r\n') + '\r\n');
    case 'zendesk-json': {
      const idOf = (party: 'agent' | 'customer') => (party === 'agent' ? 9001 : 501);
      const via = { channel: script.channel === 'chat' ? 'chat' : 'email' };
      return Buffer.from(`${JSON.stringify({
        ticket: { id: 4242, subject: script.subject ?? null, via },
        comments: messages.map(({ party, at, text }, index) => ({ id: index + 1, author_id: idOf(party), created_at: at, plain_body: text, public: true, via })),
        users: [{ id: 501, name: script.customer.name, role: 'end-user' }, { id: 9001, name: script.agent.name, role: 'agent' }],
      }, null, 2)}\n`);
    }
    case 'eml':
      return renderEml(script);
    case 'mbox':
      return Buffer.concat(messages.map((message, index) => Buffer.concat([
        Buffer.from(`From ${message.party === 'agent' ? script.agent.address : script.customer.address} ${mailDate(message.at)}\n`),
        mailBytes(renderMail(script, index)), Buffer.from('\n'),
      ])));
  }
}

export async function loadConversationScripts(): Promise<Array<{ name: string; script: ConversationScript }>> {
  const names = (await readdir(conversationScriptsDir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (file) => ({ name: path.basename(file, '.json'), script: JSON.parse(await readFile(path.join(conversationScriptsDir, file), 'utf8')) as ConversationScript })));
}

/** Writes every conversation, its metadata and truth into `outDir`. */
export async function generateConversations(outDir = conversationsDir): Promise<string[]> {
  const written: string[] = [];
  for (const { name, script } of await loadConversationScripts()) {
    const file = path.join(outDir, `${name}${extensions[script.format]}`);
    await writeFile(file, renderConversation(script));
    await writeFile(path.join(outDir, `${name}.meta.json`), `${JSON.stringify({ agent: script.agent.id, queue: script.queue }, null, 2)}\n`);
    const truth = { schema: 'callqa.conversation-truth/1', name, language: script.language, channel: script.channel, format: script.format, agent_id: script.agent.id, quality: script.quality, messages: script.messages.length, rules: script.rules };
    await writeFile(path.join(outDir, `${name}.truth.json`), `${JSON.stringify(truth, null, 2)}\n`);
    if (script.format === 'csv') await writeFile(path.join(outDir, `${name}.parties.json`), `${JSON.stringify({ [script.agent.name]: 'agent', [script.customer.name]: 'customer' }, null, 2)}\n`);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await generateConversations();
  process.stderr.write(`conversations: ${written.length} written to ${path.relative(process.cwd(), conversationsDir)}\n`);
}
