/**
 * Redaction stage: personal data found in the transcript (find-pii.ts) is masked in the
 * utterances and their timed words, and each redaction is recorded (kind, party, utterance,
 * times), never its value. The orchestrator runs it before the rules judge the call, so every
 * text the result carries (evidence included) comes from the masked transcript and the raw
 * values exist only in memory.
 */
import type { CallRedaction, RedactedSpan, Utterance } from '../result/call-result.ts';
import { findPii, type PiiSpan } from './find-pii.ts';
import type { RedactLexicon } from './lexicon.ts';
import { maskText, maskWords } from './mask-text.ts';
import { findWords } from '../rules/index.ts';

export { loadRedactLexicon, type RedactLexicon } from './lexicon.ts';

export interface RedactInput {
  mode: CallRedaction['mode'];
  utterances: readonly Utterance[];
  /** Utterances (by index) where the rules stage found a data item's value asked for or named. */
  itemValues: readonly { utterance: number; itemId: string }[];
}

export interface RedactedTranscript {
  utterances: Utterance[];
  redaction: CallRedaction;
}

/**
 * Per utterance, whether one of the two before it names a birth date: the question ("Can I
 * have your date of birth?") before the answer, and before the agent's reading it back.
 */
function findBirthQuestions(utterances: readonly Utterance[], lexicon: RedactLexicon): boolean[] {
  const names = utterances.map((utterance) => findWords(utterance.text).some((word) => lexicon.birthCues.has(word.norm)));
  return names.map((_, index) => (names[index - 1] ?? false) || (names[index - 2] ?? false));
}

function redactUtterance(utterance: Utterance, index: number, spans: readonly PiiSpan[]): { utterance: Utterance; records: RedactedSpan[] } {
  if (spans.length === 0) return { utterance, records: [] };
  const { text, masked } = maskText(utterance.text, spans);
  const timed = utterance.words && maskWords(utterance.words, masked, findWords(utterance.text).length);
  const records = spans.map((span, spanIndex): RedactedSpan => {
    const wordIndexes = timed?.spanWords.get(spanIndex) ?? [];
    const firstWord = utterance.words?.[Math.min(...wordIndexes)];
    const lastWord = utterance.words?.[Math.max(...wordIndexes)];
    return {
      kind: span.kind, ...(span.item === undefined ? {} : { item: span.item }), party: utterance.party, utterance: index,
      start: firstWord?.start ?? utterance.start, end: lastWord?.end ?? utterance.end,
    };
  });
  return { utterance: { ...utterance, text, ...(timed && { words: timed.words }) }, records };
}

/** The transcript with its personal data masked and each redaction recorded; never mutates its input. */
export function redactTranscript(input: RedactInput, lexicon: RedactLexicon): RedactedTranscript {
  const birthAsked = findBirthQuestions(input.utterances, lexicon);
  const itemOf = new Map(input.itemValues.map((entry) => [entry.utterance, entry.itemId]));
  const redacted = input.utterances.map((utterance, index) => {
    const spans = findPii({ text: utterance.text, birthAsked: birthAsked[index] ?? false, item: itemOf.get(index) ?? null }, lexicon);
    return redactUtterance(utterance, index, spans);
  });
  return {
    utterances: redacted.map((entry) => entry.utterance),
    redaction: { mode: input.mode, spans: redacted.flatMap((entry) => entry.records) },
  };
}
