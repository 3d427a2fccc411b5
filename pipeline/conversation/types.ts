import type { WrittenChannel } from '../result/call-result.ts';

export type SpeakingParty = 'agent' | 'customer';

/** The forms a conversation file comes in; the result's `container` names it. */
export const conversationFormats = ['callqa-json', 'csv', 'eml', 'mbox', 'zendesk-json'] as const;
export type ConversationFormat = (typeof conversationFormats)[number];

/** One message as an importer read it, before the thread is put in order. */
export interface ConversationMessage {
  party: SpeakingParty;
  /** Milliseconds since the epoch; a time without an offset is read as UTC, which keeps the gaps between messages right. */
  sentAtMs: number;
  /** ISO 8601 as the file gave it, with its offset when it had one. */
  sentAt: string;
  text: string;
}

/** What an importer makes of a file's text. */
export interface ParsedConversation {
  channel: WrittenChannel;
  messages: ConversationMessage[];
}
