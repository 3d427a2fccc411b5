/**
 * Chat CSV: one message per row, with a time, an author and a text column, and optionally a
 * role column. Column names are data (conversation-import.json); an unknown column is an
 * error, so a renamed export never loses its text silently. A role cell, else the author,
 * gives the party (party-mapping.ts).
 */
import { conversationError } from './conversation-error.ts';
import { readCsvRows, sniffDelimiter } from './csv-rows.ts';
import type { ImportSettings } from './import-settings.ts';
import type { PartyMapping } from './party-mapping.ts';
import { parseSentAt } from './sent-at.ts';
import type { ParsedConversation } from './types.ts';

type Field = keyof ImportSettings['csv']['columns'];
const required: readonly Field[] = ['sent_at', 'author', 'text'];
const columnsFix = 'rename the column, or add its name to csv.columns or csv.ignoredColumns in pipeline/conversation/conversation-import.json';

function locateColumns(header: readonly string[], settings: ImportSettings['csv'], fileName: string): Partial<Record<Field, number>> {
  const found: Partial<Record<Field, number>> = {};
  header.forEach((name, index) => {
    const wanted = name.trim().toLocaleLowerCase();
    const field = (Object.keys(settings.columns) as Field[]).find((candidate) => settings.columns[candidate].includes(wanted));
    if (field !== undefined && found[field] === undefined) found[field] = index;
    else if (!settings.ignoredColumns.includes(wanted)) {
      throw conversationError('CQA_ERR_CONVERSATION_COLUMNS', fileName, 'header', `column ${JSON.stringify(name)} is not one callqa knows`, columnsFix);
    }
  });
  const missing = required.find((field) => found[field] === undefined);
  if (missing) {
    throw conversationError('CQA_ERR_CONVERSATION_COLUMNS', fileName, 'header', `no ${missing} column (one of ${settings.columns[missing].join(', ')})`, columnsFix);
  }
  return found;
}

/** Reads a chat CSV export; every message is a chat message. */
export function parseCsvConversation(text: string, fileName: string, settings: ImportSettings['csv'], parties: PartyMapping): ParsedConversation {
  const rows = readCsvRows(text, sniffDelimiter(text));
  if (!rows) throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, 'end of file', 'a quoted field is never closed', 'fix the quoting or export the file again');
  const [header, ...body] = rows;
  if (!header) throw conversationError('CQA_ERR_CONVERSATION_EMPTY', fileName, 'file', 'has no header row', 'export the conversation with its header and messages');
  const columns = locateColumns(header.cells, settings, fileName);
  const cellOf = (cells: readonly string[], field: Field) => (columns[field] === undefined ? '' : cells[columns[field]] ?? '').trim();
  const messages = body.map(({ line, cells }) => {
    const timeText = cellOf(cells, 'sent_at');
    const sentAt = parseSentAt(timeText);
    if (!sentAt) throw conversationError('CQA_ERR_CONVERSATION_DATE', fileName, `line ${line}`, `time ${JSON.stringify(timeText)} is not a date and time callqa reads`, 'export the times in ISO 8601 (2024-03-04T09:15:00)');
    const author = cellOf(cells, 'author');
    const role = cellOf(cells, 'role');
    const party = (role && parties.find(role)) || parties.find(author);
    if (!party) {
      throw conversationError('CQA_ERR_CONVERSATION_PARTY', fileName, `line ${line}`, `author ${JSON.stringify(author)}${role ? ` (role ${JSON.stringify(role)})` : ''} is neither agent nor customer`,
        `add it to ${parties.sidecarName} ({"${author}": "agent"}) or give the file a role column`);
    }
    return { party, sentAtMs: sentAt.ms, sentAt: sentAt.iso, text: cellOf(cells, 'text') };
  });
  return { channel: 'chat', messages };
}
