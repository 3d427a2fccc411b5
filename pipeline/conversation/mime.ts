/**
 * A small MIME reader (RFC 5322, 2045–2047): header fields with folding and encoded words,
 * multipart bodies, quoted-printable and base64, and character sets through TextDecoder
 * (utf-8, koi8-r, windows-1251, iso-8859-2 and every other WHATWG label). Text is carried
 * as a "binary" string, one character per byte, until a part's character set is known.
 */
import { TextDecoder } from 'node:util';
import { conversationError } from './conversation-error.ts';

export interface MimeEntity {
  /** Field names in lower case, values unfolded and still encoded, in order. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The body as bytes, one character per byte. */
  body: string;
}

export interface ContentType {
  type: string;
  params: Readonly<Record<string, string>>;
}

/** Splits header and body at the first empty line and unfolds the header fields. */
export function parseEntity(raw: string): MimeEntity {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.search(/\n\n|^\n/);
  const headerText = split === -1 ? text : text.slice(0, split);
  const body = split === -1 ? '' : text.slice(split + (text[split + 1] === '\n' ? 2 : 1));
  const headers: Array<readonly [string, string]> = [];
  for (const line of headerText.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return { headers, body };
}

export const findHeader = (entity: MimeEntity, name: string): string | undefined => entity.headers.find(([field]) => field === name)?.[1];

/** `text/plain; charset="koi8-r"` → type and lower-cased parameter names; text/plain when absent (RFC 2045 §5.2). */
export function parseContentType(value: string | undefined): ContentType {
  if (!value) return { type: 'text/plain', params: {} };
  const [type = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const match of rest.join(';').matchAll(/([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;]+))/g)) {
    params[match[1]!.toLowerCase()] = match[2]?.replace(/\\(.)/g, '$1') ?? match[3] ?? '';
  }
  return { type: type.trim().toLowerCase() || 'text/plain', params };
}

/** The parts between `--boundary` lines; null when the closing or any boundary is missing. */
export function splitMultipart(body: string, boundary: string): string[] | null {
  const lines = body.split('\n');
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}--`) {
      if (current) parts.push(current.join('\n'));
      return parts;
    }
    if (trimmed === `--${boundary}`) {
      if (current) parts.push(current.join('\n'));
      current = [];
    } else current?.push(line);
  }
  // A missing closing delimiter is common in hand-cut files; the parts read so far still count.
  if (current) parts.push(current.join('\n'));
  return parts.length > 0 ? parts : null;
}

function decodeQuotedPrintable(body: string): string {
  return body.replace(/[ \t]+$/gm, '').replace(/=\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The body's bytes under its Content-Transfer-Encoding (7bit, 8bit and binary pass through). */
export function decodeTransferEncoding(entity: MimeEntity): Buffer {
  const encoding = (findHeader(entity, 'content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(entity.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') return Buffer.from(decodeQuotedPrintable(entity.body), 'latin1');
  return Buffer.from(entity.body, 'latin1');
}

/** Bytes as text in `charset`; invalid bytes or an unknown label are an encoding error naming the part. */
export function decodeCharset(bytes: Uint8Array, charset: string, fileName: string, where: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw conversationError('CQA_ERR_CONVERSATION_ENCODING', fileName, where, `character set ${JSON.stringify(charset)} is not one callqa knows`, 're-export the message as UTF-8');
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw conversationError('CQA_ERR_CONVERSATION_ENCODING', fileName, where, `the text is not valid ${charset} (mixed or wrong encoding)`, 're-export the message as UTF-8, or fix its charset');
  }
}

/** RFC 2047 encoded words (`=?koi8-r?B?…?=`) decoded; whitespace between two of them is dropped. Raw 8-bit header bytes are read as UTF-8. */
export function decodeHeaderValue(value: string, fileName: string, where: string): string {
  const joined = value.replace(/(\?=)\s+(=\?)/g, '$1$2');
  const decoded = joined.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) => {
    const bytes = encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    return decodeCharset(bytes, charset.replace(/\*.*$/, ''), fileName, where);
  });
  return /[\x80-\xff]/.test(decoded) && decoded === joined ? decodeCharset(Buffer.from(decoded, 'latin1'), 'utf-8', fileName, where) : decoded;
}
