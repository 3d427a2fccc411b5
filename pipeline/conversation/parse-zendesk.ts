/**
 * Zendesk Support ticket comments, as its API (`GET /api/v2/tickets/{id}/comments.json?include=users`)
 * and the export tools built on it give them: `{"comments": [{"author_id", "created_at",
 * "plain_body" | "body", "public", "via": {"channel"}}], "users": [{"id", "name", "role"}]}`,
 * optionally with the `"ticket"`. The author's role says the party, so no names need mapping;
 * internal notes (`public: false`) are left out because the customer never saw them. A ticket
 * that came in through chat or a messenger is a chat, anything else an e-mail conversation.
 */
import { conversationError } from './conversation-error.ts';
import type { ImportSettings } from './import-settings.ts';
import { parseSentAt } from './sent-at.ts';
import type { ConversationMessage, ParsedConversation } from './types.ts';

const fix = 'export the ticket with its comments and users (comments.json?include=users)';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const viaChannelOf = (value: unknown) => (isObject(value) && isObject(value.via) && typeof value.via.channel === 'string' ? value.via.channel : null);

/** True for a parsed JSON document in Zendesk's comments form. */
export function isZendeskDocument(document: Record<string, unknown>): boolean {
  return Array.isArray(document.comments) && Array.isArray(document.users);
}

export function readZendeskDocument(document: Record<string, unknown>, fileName: string, settings: ImportSettings['zendesk']): ParsedConversation {
  const roles = new Map<string, string>();
  (document.users as unknown[]).forEach((user) => {
    if (isObject(user) && (typeof user.id === 'number' || typeof user.id === 'string') && typeof user.role === 'string') roles.set(String(user.id), user.role);
  });
  const comments = document.comments as unknown[];
  const messages = comments.flatMap((comment, index): ConversationMessage[] => {
    const where = `comments[${index}]`;
    if (!isObject(comment)) throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, where, 'must be an object', fix);
    if (comment.public === false) return [];
    const text = typeof comment.plain_body === 'string' ? comment.plain_body : comment.body;
    if (typeof text !== 'string') throw conversationError('CQA_ERR_CONVERSATION_FORMAT', fileName, `${where}.plain_body`, 'must be a string', fix);
    const sentAt = typeof comment.created_at === 'string' ? parseSentAt(comment.created_at) : null;
    if (!sentAt) throw conversationError('CQA_ERR_CONVERSATION_DATE', fileName, `${where}.created_at`, `must be an ISO 8601 date and time, got ${JSON.stringify(comment.created_at)}`, fix);
    const role = roles.get(String(comment.author_id));
    if (role === undefined) throw conversationError('CQA_ERR_CONVERSATION_PARTY', fileName, `${where}.author_id`, `user ${JSON.stringify(comment.author_id)} is not among the users`, fix);
    return [{ party: settings.agentRoles.includes(role) ? 'agent' : 'customer', sentAtMs: sentAt.ms, sentAt: sentAt.iso, text }];
  });
  const via = viaChannelOf(document.ticket) ?? viaChannelOf(comments[0]);
  return { channel: via !== null && settings.chatChannels.includes(via) ? 'chat' : 'email', messages };
}
