import { CallqaError, type ErrorCode } from '../../core/errors.ts';

type ConversationErrorCode = Extract<ErrorCode, `CQA_ERR_CONVERSATION_${string}`>;

/** A conversation file that cannot be used; the message names the file, the place, the cause and the fix. */
export function conversationError(code: ConversationErrorCode, fileName: string, where: string, problem: string, fix: string): CallqaError {
  return new CallqaError(code, `conversation ${fileName}: ${where}: ${problem}; ${fix}`);
}
