/**
 * Turns Whisper's token ids into timed words or segments. Byte-level BPE splits multi-byte
 * letters (Cyrillic, ő, ű) across tokens, so text is decoded a whole character at a time.
 */
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import type { RecognisedSegment, RecognisedWord } from '../types.ts';

/** A generated token with when it was spoken (chunk seconds; null when unknown) and its probability. */
export interface TimedToken {
  id: number;
  startS: number | null;
  probability: number | null;
}

const punctuationOnly = /^[\p{P}\p{S}]+$/u;

export function meanOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0) / known.length;
}

interface WordDraft {
  text: string;
  tokens: TimedToken[];
  /** Index in the token list just past the word, whose start ends it. */
  endIndex: number;
}

/** Groups text tokens (ids below `firstSpecialId`) into words: a leading space starts one, punctuation joins the last. */
export function groupWords(tokenizer: PreTrainedTokenizer, tokens: readonly TimedToken[], firstSpecialId: number, chunkEndS: number): RecognisedWord[] {
  const drafts: WordDraft[] = [];
  let pending: TimedToken[] = [];
  tokens.forEach((token, index) => {
    if (token.id >= firstSpecialId) return;
    pending.push(token);
    const text = tokenizer.decode(pending.map((each) => each.id));
    const lastText = !tokens.slice(index + 1).some((later) => later.id < firstSpecialId);
    if (text.includes('\uFFFD') && !lastText) return;
    const last = drafts.at(-1);
    const joins = last && (!text.startsWith(' ') || punctuationOnly.test(text.trim())) && last.endIndex === index + 1 - pending.length;
    if (joins) {
      last.text += text;
      last.tokens.push(...pending);
      last.endIndex = index + 1;
    } else {
      drafts.push({ text, tokens: [...pending], endIndex: index + 1 });
    }
    pending = [];
  });
  return drafts
    .map((draft) => {
      const startS = draft.tokens[0]!.startS ?? 0;
      const endS = tokens[draft.endIndex]?.startS ?? chunkEndS;
      return { startS, endS: Math.max(startS, endS), text: draft.text.trim(), confidence: meanOrNull(draft.tokens.map((token) => token.probability)) };
    })
    .filter((word) => word.text.length > 0);
}

/** Splits a sequence with timestamp tokens into segments; text after the last timestamp ends at `chunkEndS`. */
export function splitSegments(
  tokenizer: PreTrainedTokenizer,
  tokens: readonly TimedToken[],
  ids: { firstSpecialId: number; timestampBeginId: number; timestampStepS: number },
  chunkEndS: number,
): RecognisedSegment[] {
  const segments: RecognisedSegment[] = [];
  let startS = 0;
  let text: TimedToken[] = [];
  const close = (endS: number) => {
    const words = tokenizer.decode(text.map((token) => token.id)).trim();
    if (words) segments.push({ startS, endS: Math.max(startS, endS), text: words, words: [], confidence: meanOrNull(text.map((token) => token.probability)) });
    text = [];
  };
  for (const token of tokens) {
    if (token.id >= ids.timestampBeginId) {
      const timeS = Math.min(chunkEndS, (token.id - ids.timestampBeginId) * ids.timestampStepS);
      if (text.length > 0) close(timeS);
      startS = timeS;
    } else if (token.id < ids.firstSpecialId) {
      text.push(token);
    }
  }
  close(chunkEndS);
  return segments;
}
