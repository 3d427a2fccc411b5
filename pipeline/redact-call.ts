/**
 * The redaction stage wired for one call: after the rules and score stages have read the raw
 * transcript, before the result is built, so nothing stored or served holds a raw value.
 */
import type { CallJudgement, CallTranscript } from './result/build-result.ts';
import type { CallRedaction, Language, RedactionMode } from './result/call-result.ts';
import { loadRedactLexicon, redactTranscript, type RedactLexicon } from './redact/index.ts';
import type { RulePack } from './rules/index.ts';

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
  judgement: CallJudgement | null;
  redaction: CallRedaction | null;
}

/** The transcript and the judgement's evidence with personal data masked; unchanged when redaction is off. */
export function redactCall(transcript: CallTranscript, judgement: CallJudgement | null, config: RedactConfig): RedactedCall {
  const lexicon = config.redactLexicons.get(transcript.language) ?? config.redactLexicons.get(null);
  if (config.redaction === 'off' || !lexicon) return { transcript, judgement, redaction: null };
  const itemValues = (judgement?.itemValueUtterances ?? []).flatMap(({ utterance, itemId }) => {
    const index = transcript.utterances.indexOf(utterance);
    return index < 0 ? [] : [{ utterance: index, itemId }];
  });
  const redacted = redactTranscript({ mode: config.redaction, utterances: transcript.utterances, rules: judgement?.rules ?? [], itemValues }, lexicon);
  return {
    transcript: { ...transcript, utterances: redacted.utterances },
    judgement: judgement && { ...judgement, rules: redacted.rules },
    redaction: redacted.redaction,
  };
}
