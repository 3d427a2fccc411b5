import { Tensor } from '@huggingface/transformers';
import type { Language } from '../../result/call-result.ts';
import type { LoadedWhisper } from './load-whisper.ts';

export interface FirstStep {
  /** The most probable allowed language. */
  language: Language;
  /** Softmax over all of the model's language tokens, read at the allowed ones. */
  languageProbabilities: Partial<Record<Language, number>>;
  /** Probability of <|nospeech|> (<|nocaptions|> before large-v3) over the whole vocabulary. */
  noSpeechProbability: number;
}

/**
 * One decoder step from <|startoftranscript|> over the encoded chunk: Whisper's own language
 * identification (transformers.js 4.3.1 lacks it and silently assumes English) and its
 * no-speech probability, both read from the same logits, as the reference implementation does.
 */
export async function readFirstStep(whisper: LoadedWhisper, encoderOutputs: Tensor, allowed: readonly Language[]): Promise<FirstStep> {
  const output = (await whisper.model.forward({
    encoder_outputs: encoderOutputs,
    decoder_input_ids: new Tensor('int64', BigInt64Array.of(BigInt(whisper.startOfTranscriptId)), [1, 1]),
  })) as { logits: Tensor };
  const logits = output.logits.data as Float32Array;
  const languageLogits = [...whisper.languageTokenIds.values()].map((id) => logits[id]!);
  const maxLogit = Math.max(...languageLogits);
  const normaliser = languageLogits.reduce((sum, logit) => sum + Math.exp(logit - maxLogit), 0);
  const languageProbabilities: Partial<Record<Language, number>> = {};
  for (const language of allowed) {
    const id = whisper.callqaLanguageTokenIds.get(language);
    languageProbabilities[language] = id === undefined ? 0 : Math.exp(logits[id]! - maxLogit) / normaliser;
  }
  const language = allowed.reduce((best, candidate) => (languageProbabilities[candidate]! > languageProbabilities[best]! ? candidate : best));
  let max = Number.NEGATIVE_INFINITY;
  for (const value of logits) if (value > max) max = value;
  let sum = 0;
  for (const value of logits) sum += Math.exp(value - max);
  return { language, languageProbabilities, noSpeechProbability: Math.exp(logits[whisper.noSpeechId]! - max) / sum };
}
