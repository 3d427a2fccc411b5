/**
 * What the sender wrote in this message, without the history a reply carries or a signature:
 * `>` lines go; a reply header (`On … wrote:`, `… пишет:`, `… írta:`, `-----Original
 * Message-----`, Outlook's `From:` block) and a signature marker (`-- `, "Sent from my …")
 * each cut the message there. Patterns are data (conversation-import.json). A header that a
 * mailer wrapped over two lines is matched on the lines joined.
 */
import type { ImportSettings } from './import-settings.ts';

const matchesAny = (patterns: readonly RegExp[], line: string) => patterns.some((pattern) => pattern.test(line.trim()));

export function stripQuoted(text: string, settings: ImportSettings['email']): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const next = lines[index + 1] ?? '';
    // A wrapped header's first line ends mid-phrase ("…, Jane Roe <"); a sentence before a header on its own line does not.
    const isWrappedHeader = /[^.!?]$/.test(line.trim()) && matchesAny(settings.replyHeaders, `${line.trim()} ${next.trim()}`);
    if (matchesAny(settings.replyHeaders, line) || isWrappedHeader) break;
    if (matchesAny(settings.signatureMarkers, line)) break;
    if (!line.trimStart().startsWith('>')) kept.push(line.trimEnd());
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
