/**
 * E-mail threads: one `.eml` message (with any earlier messages attached as message/rfc822),
 * or an mbox of them. Each message gives its sender, its Date and the text it added: the
 * text/plain alternative (else its HTML as text), with quoted history and signatures stripped.
 * Messages repeated (an mbox that also holds them attached) count once, by Message-ID.
 */
import { conversationError } from './conversation-error.ts';
import type { ImportSettings } from './import-settings.ts';
import { decodeCharset, decodeHeaderValue, decodeTransferEncoding, findHeader, parseContentType, parseEntity, splitMultipart, type MimeEntity } from './mime.ts';
import type { PartyMapping } from './party-mapping.ts';
import { parseSentAt } from './sent-at.ts';
import { stripQuoted } from './strip-quoted.ts';
import type { ConversationMessage, ParsedConversation } from './types.ts';

interface MessageText {
  plain: string[];
  html: string[];
  attached: MimeEntity[];
}

const entities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script|blockquote)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) return String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return entities[name.toLowerCase()] ?? whole;
    });
}

function collectText(entity: MimeEntity, found: MessageText, fileName: string, where: string): void {
  const { type, params } = parseContentType(findHeader(entity, 'content-type'));
  if (type === 'message/rfc822') return void found.attached.push(parseEntity(decodeTransferEncoding(entity).toString('latin1')));
  if (/^attachment/i.test(findHeader(entity, 'content-disposition') ?? '')) return;
  if (type.startsWith('multipart/')) {
    const parts = params.boundary ? splitMultipart(entity.body, params.boundary) : null;
    if (!parts) throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, where, `${type} without its boundary ${JSON.stringify(params.boundary ?? '')}`, 'export the message again');
    const children = parts.map(parseEntity);
    // Alternatives say the same thing: read the plain one, else the last (the richest).
    const chosen = type === 'multipart/alternative'
      ? [children.find((child) => parseContentType(findHeader(child, 'content-type')).type === 'text/plain') ?? children.at(-1)!]
      : children;
    chosen.forEach((child, index) => collectText(child, found, fileName, `${where} part ${index + 1}`));
    return;
  }
  if (type !== 'text/plain' && type !== 'text/html') return;
  const text = decodeCharset(decodeTransferEncoding(entity), params.charset ?? 'utf-8', fileName, `${where} (${type}${params.charset ? `; charset=${params.charset}` : ''})`);
  (type === 'text/plain' ? found.plain : found.html).push(type === 'text/plain' ? text : htmlToText(text));
}

function senderOf(from: string): { name: string; address: string } {
  const angled = /^(.*?)\s*<([^>]+)>\s*$/.exec(from);
  if (angled) return { name: angled[1]!.replace(/^"(.*)"$/, '$1').trim(), address: angled[2]!.trim() };
  const commented = /^(\S+@\S+)\s*\((.*)\)\s*$/.exec(from);
  return commented ? { name: commented[2]!.trim(), address: commented[1]! } : { name: '', address: from.trim() };
}

interface ThreadContext {
  fileName: string;
  settings: ImportSettings['email'];
  parties: PartyMapping;
  seenIds: Set<string>;
}

function readMessage(entity: MimeEntity, context: ThreadContext, where: string): ConversationMessage[] {
  const { fileName, settings, parties, seenIds } = context;
  const found: MessageText = { plain: [], html: [], attached: [] };
  collectText(entity, found, fileName, where);
  const earlier = found.attached.flatMap((attached, index) => readMessage(attached, context, `${where}, attached message ${index + 1}`));
  const messageId = findHeader(entity, 'message-id');
  if (messageId && seenIds.has(messageId)) return earlier;
  if (messageId) seenIds.add(messageId);
  const dateText = findHeader(entity, 'date');
  const sentAt = dateText === undefined ? null : parseSentAt(dateText);
  if (!sentAt) throw conversationError('CQA_ERR_CONVERSATION_DATE', fileName, `${where}: Date`, dateText === undefined ? 'the message has no Date header' : `${JSON.stringify(dateText)} is not an RFC 5322 date`, 'export the message with its headers');
  const from = senderOf(decodeHeaderValue(findHeader(entity, 'from') ?? '', fileName, `${where}: From`));
  const party = parties.find(from.address) ?? (from.name ? parties.find(from.name) : null)
    ?? (settings.agentAddresses.some((pattern) => pattern.test(from.address)) ? 'agent' : 'customer');
  const text = stripQuoted((found.plain.length > 0 ? found.plain : found.html).join('\n\n'), settings);
  return [...earlier, { party, sentAtMs: sentAt.ms, sentAt: sentAt.iso, text }];
}

/** mbox (mboxo and mboxrd): messages start at a `From ` line after a blank line; `>From ` lines are unescaped. */
export function splitMbox(raw: string): string[] {
  const text = raw.replace(/\r\n/g, '\n');
  return text.split(/(?:^|\n\n)From [^\n]*\n/).slice(1).map((message) => message.replace(/^>(>*From )/gm, '$1'));
}

/** Reads an .eml or an mbox (the file as a binary string) into e-mail messages. */
export function parseEmailConversation(raw: string, format: 'eml' | 'mbox', fileName: string, settings: ImportSettings['email'], parties: PartyMapping): ParsedConversation {
  const context: ThreadContext = { fileName, settings, parties, seenIds: new Set() };
  const messages = format === 'mbox' ? splitMbox(raw) : [raw];
  return {
    channel: 'email',
    messages: messages.flatMap((message, index) => readMessage(parseEntity(message), context, format === 'mbox' ? `message ${index + 1}` : 'message')),
  };
}
