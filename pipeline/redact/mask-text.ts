/**
 * Masks in a text: every word a span touches is replaced by its kind's mask; separators stay,
 * so the text keeps its word count. Word timings (`words`) are masked word for word, by
 * position.
 */
import type { Utterance } from '../result/call-result.ts';
import { maskOf, type RedactionKind } from '../result/redaction-mask.ts';
import { findWords } from '../rules/index.ts';

export interface MaskedWord {
  /** Index among the text's words. */
  index: number;
  kind: RedactionKind;
  /** Index of the span (among those given) that touched the word. */
  span: number;
}

/** `spans` in text order, not overlapping (as findPii gives them). */
export function maskText(text: string, spans: readonly { kind: RedactionKind; start: number; end: number }[]): { text: string; masked: MaskedWord[] } {
  const masked: MaskedWord[] = [];
  let out = '';
  let copied = 0;
  let span = 0;
  findWords(text).forEach((word, index) => {
    while ((spans[span]?.end ?? Infinity) <= word.start) span += 1;
    const kind = (spans[span]?.start ?? Infinity) < word.end ? spans[span]?.kind : undefined;
    if (!kind) return;
    masked.push({ index, kind, span });
    out += text.slice(copied, word.start) + maskOf(kind);
    copied = word.end;
  });
  return { text: out + text.slice(copied), masked };
}

/**
 * The word timings with the masked words of their utterance masked, and which timed word each
 * span touched. When the timed words do not split into the utterance's words one for one,
 * every timed word is masked: losing a word beats keeping a digit.
 */
type Word = NonNullable<Utterance['words']>[number];

export function maskWords(words: readonly Word[], masked: readonly MaskedWord[], textWordCount: number): { words: Word[]; spanWords: Map<number, number[]> } {
  const spanWords = new Map<number, number[]>();
  const counts = words.map((word) => findWords(word.text).length);
  if (counts.reduce((sum, count) => sum + count, 0) !== textWordCount) {
    const kind = masked[0]?.kind;
    return { words: kind ? words.map((word) => ({ ...word, text: maskText(word.text, [{ kind, start: 0, end: word.text.length }]).text })) : [...words], spanWords };
  }
  const maskedAt = new Map(masked.map((entry) => [entry.index, entry]));
  let first = 0;
  const result = words.map((word, wordIndex) => {
    const offset = first;
    first += counts[wordIndex] ?? 0;
    const inWord = Array.from({ length: first - offset }, (_, position) => maskedAt.get(offset + position)).filter((entry) => entry !== undefined);
    if (inWord.length === 0) return word;
    for (const entry of inWord) spanWords.set(entry.span, [...(spanWords.get(entry.span) ?? []), wordIndex]);
    const textWords = findWords(word.text);
    const wordSpans = inWord.flatMap((entry) => {
      const textWord = textWords[entry.index - offset];
      return textWord ? [{ kind: entry.kind, start: textWord.start, end: textWord.end }] : [];
    });
    return { ...word, text: maskText(word.text, wordSpans).text };
  });
  return { words: result, spanWords };
}
