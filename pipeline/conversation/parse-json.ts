/**
 * callqa's conversation form: `{"channel": "chat" | "email", "messages": [{"party":
 * "agent" | "customer", "sent_at": "ISO 8601", "text": "…"}]}`; other keys are ignored.
 */
import { conversationError } from './conversation-error.ts';
import { parseSentAt } from './sent-at.ts';
import type { ConversationMessage, ParsedConversation } from './types.ts';

const describe = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
const fix = 'fix the file (pipeline/conversation/README.md documents the form)';

function parseMessage(entry: unknown, index: number, fileName: string): ConversationMessage {
  const where = `messages[${index}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, where, `must be an object, got ${describe(entry)}`, fix);
  const { party, sent_at: sentAtText, text } = entry as Record<string, unknown>;
  if (party !== 'agent' && party !== 'customer') throw conversationError('CQA_ERR_CONVERSATION_PARTY', fileName, `${where}.party`, `must be "agent" or "customer", got ${describe(party)}`, fix);
  if (typeof text !== 'string') throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, `${where}.text`, `must be a string, got ${describe(text)}`, fix);
  const sentAt = typeof sentAtText === 'string' ? parseSentAt(sentAtText) : null;
  if (!sentAt) throw conversationError('CQA_ERR_CONVERSATION_DATE', fileName, `${where}.sent_at`, `must be an ISO 8601 date and time, got ${describe(sentAtText)}`, fix);
  return { party, sentAtMs: sentAt.ms, sentAt: sentAt.iso, text };
}

/** Reads an already parsed callqa conversation document. */
export function readConversationDocument(document: Record<string, unknown>, fileName: string): ParsedConversation {
  const { channel, messages } = document;
  if (channel !== 'chat' && channel !== 'email') throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, 'channel', `must be "chat" or "email", got ${describe(channel)}`, fix);
  if (!Array.isArray(messages)) throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, 'messages', `must be an array, got ${describe(messages)}`, fix);
  return { channel, messages: messages.map((entry, index) => parseMessage(entry, index, fileName)) };
}
