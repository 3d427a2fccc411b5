/**
 * Conversation stage: a chat or e-mail conversation file read into the utterances the rules
 * stage reads, in place of ingest, audio and transcription. Forms (README.md): callqa's JSON,
 * chat CSV, `.eml` and mbox, Zendesk ticket comments. A file is told by its extension, and a
 * `.json` (or a file without a known extension) by its content. Identity is the sha256 of the
 * bytes, as for a recording.
 */
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { CallqaError } from '../../core/errors.ts';
import type { Utterance, WrittenChannel } from '../result/call-result.ts';
import { conversationError } from './conversation-error.ts';
import { importSettings, type ImportSettings } from './import-settings.ts';
import { readCsvRows, sniffDelimiter } from './csv-rows.ts';
import { parseCsvConversation } from './parse-csv.ts';
import { parseEmailConversation } from './parse-email.ts';
import { readConversationDocument } from './parse-json.ts';
import { isZendeskDocument, readZendeskDocument } from './parse-zendesk.ts';
import { loadPartyMapping } from './party-mapping.ts';
import type { ConversationFormat, ConversationMessage, ParsedConversation } from './types.ts';

export { conversationFormats, type ConversationFormat, type ConversationMessage } from './types.ts';
export { partiesSidecarOf } from './party-mapping.ts';

export interface Conversation {
  source: string;
  sha256: string;
  sizeBytes: number;
  format: ConversationFormat;
  channel: WrittenChannel;
  /** In the order they were sent; none empty. */
  messages: ConversationMessage[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonFormatOf(document: unknown): ConversationFormat | null {
  if (!isObject(document)) return null;
  if (Array.isArray(document.messages) && 'channel' in document) return 'callqa-json';
  return isZendeskDocument(document) ? 'zendesk-json' : null;
}

function textOf(bytes: Buffer, fileName: string): string {
  // Excel's "Unicode text" is UTF-16 with a byte order mark; everything else must be UTF-8.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  try {
    const text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    throw conversationError('CQA_ERR_CONVERSATION_ENCODING', fileName, 'file', 'is not valid UTF-8 (another or a mixed encoding)', 'save it as UTF-8');
  }
}

function readJsonConversation(text: string, format: 'callqa-json' | 'zendesk-json', fileName: string, settings: ImportSettings): ParsedConversation {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, 'JSON', (cause as Error).message, 'fix the file');
  }
  if (!isObject(document)) throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, 'top level', 'must be an object', 'fix the file');
  return format === 'zendesk-json' ? readZendeskDocument(document, fileName, settings.zendesk) : readConversationDocument(document, fileName);
}

async function readJsonOrNull(file: string): Promise<unknown> {
  try {
    return JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return null;
  }
}

function isChatCsvHeader(text: string, settings: ImportSettings['csv']): boolean {
  const header = readCsvRows(text.slice(0, 4096).split('\n')[0] ?? '', sniffDelimiter(text))?.[0]?.cells ?? [];
  const names = header.map((name) => name.trim().toLocaleLowerCase());
  return (['sent_at', 'author', 'text'] as const).every((field) => names.some((name) => settings.columns[field].includes(name)));
}

/**
 * The conversation form of a file, or null when it is not one (a recording). `.eml`, `.mbox`
 * and `.csv` are taken by extension when `named` (the user gave the file), by content when
 * walking a folder, where a CSV may be a call-detail export; a `.json` is always read.
 */
export async function sniffConversationFormat(file: string, named: boolean): Promise<ConversationFormat | null> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.eml' || extension === '.mbox') return extension === '.eml' ? 'eml' : 'mbox';
  if (extension === '.csv' && named) return 'csv';
  // Opening a FIFO would wait for a writer, and a device never ends: only a regular file is read.
  if (!(await stat(file).catch(() => null))?.isFile()) return null;
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const head = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const start = head.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    if (extension === '.csv') return isChatCsvHeader(start, importSettings.csv) ? 'csv' : null;
    if (/^\s*\{/.test(start) && (extension === '.json' || named)) {
      const { size } = await handle.stat();
      if (size > importSettings.limits.maxBytes) return null;
      return jsonFormatOf(await readJsonOrNull(file));
    }
    if (!named) return null;
    if (/^From \S+/.test(start) && /\nDate: /i.test(start)) return 'mbox';
    return /^(?:[A-Za-z-]+: .*\n)+/.test(start) && /^From: /im.test(start) && /^Date: /im.test(start) ? 'eml' : null;
  } finally {
    await handle.close();
  }
}

/** Reads, checks and orders a conversation; throws CallqaError naming the file, the place, the cause and the fix. */
export async function loadConversation(file: string, format: ConversationFormat, settings: ImportSettings = importSettings): Promise<Conversation> {
  const fileName = path.basename(file);
  const bytes = await readFile(file).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === 'ENOENT') throw new CallqaError('CQA_ERR_INPUT_NOT_FOUND', `${file} does not exist; check the path`, { cause });
    throw new CallqaError('CQA_ERR_INPUT_UNREADABLE', `${file} cannot be read (${cause.message}); give read permission`, { cause });
  });
  if (bytes.length === 0) throw new CallqaError('CQA_ERR_INPUT_EMPTY', `${file} has zero bytes; export the conversation again`);
  if (bytes.length > settings.limits.maxBytes) {
    throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, 'file', `${bytes.length} bytes is more than the ${settings.limits.maxBytes} a conversation may have`, 'split the export, or raise limits.maxBytes in conversation-import.json');
  }
  const parties = await loadPartyMapping(file);
  const parsed = format === 'eml' || format === 'mbox'
    ? parseEmailConversation(bytes.toString('latin1'), format, fileName, settings.email, parties)
    : format === 'csv'
      ? parseCsvConversation(textOf(bytes, fileName), fileName, settings.csv, parties)
      : readJsonConversation(textOf(bytes, fileName), format, fileName, settings);
  if (parsed.messages.length > settings.limits.maxMessages) {
    throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, 'messages', `${parsed.messages.length} messages is more than the ${settings.limits.maxMessages} a conversation may have`, 'split the export, or raise limits.maxMessages in conversation-import.json');
  }
  const messages = parsed.messages
    .map((message) => ({ ...message, text: message.text.replace(/\r\n?/g, '\n').trim() }))
    .filter((message) => message.text !== '')
    .sort((a, b) => a.sentAtMs - b.sentAtMs);
  if (messages.length === 0) {
    throw conversationError('CQA_ERR_CONVERSATION_EMPTY', fileName, 'messages', parsed.messages.length === 0 ? 'the thread holds no message' : 'every message is empty once quoted replies and signatures are stripped', 'export the conversation with its messages');
  }
  return { source: file, sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length, format, channel: parsed.channel, messages };
}

/** The messages as utterances: each starts (and ends: a message has no duration) at its seconds after the first. */
export function conversationUtterances(conversation: Conversation): Utterance[] {
  const firstMs = conversation.messages[0]?.sentAtMs ?? 0;
  return conversation.messages.map((message) => {
    const atS = Math.round(message.sentAtMs - firstMs) / 1000;
    return { party: message.party, start: atS, end: atS, text: message.text, sent_at: message.sentAt };
  });
}
