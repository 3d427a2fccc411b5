/**
 * The redaction stage wired for one call. The rules stage first reads the raw transcript for
 * one thing only — where data items' values are said ("Your account number?" — "Four four
 * seven…") — then the transcript is masked, and the rules judge the masked one: everything
 * stored and served, evidence included, comes from it, and a rescore of the stored text
 * reads what the analysis read. Masks read as numbers to the rules (result/redaction-mask.ts).
 */
import type { JudgeConfig } from './judge-call.ts';
import type { CallTranscript } from './result/build-result.ts';
import type { CallEvent, CallRedaction, Language, RedactionMode } from './result/call-result.ts';
import { loadRedactLexicon, redactTranscript, type RedactLexicon } from './redact/index.ts';
import { findItemValues, type RulePack } from './rules/index.ts';

export interface RedactConfig {
  readonly redaction: RedactionMode;
  /** Per language, over its rule pack's number words; `null` key: a call of no known language. */
  readonly redactLexicons: ReadonlyMap<Language | null, RedactLexicon>;
}

export function loadRedactConfig(redaction: RedactionMode, rulePacks: ReadonlyMap<Language, RulePack>): RedactConfig {
  const lexicons = new Map<Language | null, RedactLexicon>([[null, loadRedactLexicon(null, new Map())]]);
  for (const [language, pack] of rulePacks) lexicons.set(language, loadRedactLexicon(language, pack.speech.numbers));
  return { redaction, redactLexicons: lexicons };
}

export interface RedactedCall {
  transcript: CallTranscript;
  /** null when redaction is off. */
  redaction: CallRedaction | null;
}

/** The transcript with personal data masked; unchanged when redaction is off. `audioEvents` only help the rules spot backchannels. */
export function redactCall(transcript: CallTranscript, audioEvents: readonly CallEvent[], config: RedactConfig & JudgeConfig): RedactedCall {
  const lexicon = config.redactLexicons.get(transcript.language) ?? config.redactLexicons.get(null);
  if (config.redaction === 'off' || !lexicon) return { transcript, redaction: null };
  const pack = transcript.language && config.rulePacks.get(transcript.language);
  const itemValues = (pack ? findItemValues(transcript.utterances, audioEvents, pack) : []).flatMap(({ utterance, itemId }) => {
    const index = transcript.utterances.indexOf(utterance);
    return index < 0 ? [] : [{ utterance: index, itemId }];
  });
  const redacted = redactTranscript({ mode: config.redaction, utterances: transcript.utterances, itemValues }, lexicon);
  return { transcript: { ...transcript, utterances: redacted.utterances }, redaction: redacted.redaction };
}
