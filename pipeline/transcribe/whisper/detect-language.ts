import { Tensor } from '@huggingface/transformers';
import type { Language } from '../../result/call-result.ts';
import type { LoadedWhisper } from './load-whisper.ts';

export interface LanguageGuess {
  language: Language;
  /** Softmax over all of the model's language tokens, read at the allowed ones. */
  probabilities: Partial<Record<Language, number>>;
}

/**
 * Whisper's own language identification, which transformers.js 4.3.1 lacks (it silently
 * assumes English): one decoder step from <|startoftranscript|> over the encoded chunk, the
 * language tokens' logits softmaxed together, the most probable allowed language chosen.
 */
export async function detectLanguage(whisper: LoadedWhisper, encoderOutputs: Tensor, allowed: readonly Language[]): Promise<LanguageGuess> {
  const output = (await whisper.model.forward({
    encoder_outputs: encoderOutputs,
    decoder_input_ids: new Tensor('int64', BigInt64Array.of(BigInt(whisper.startOfTranscriptId)), [1, 1]),
  })) as { logits: Tensor };
  const logits = output.logits.data as Float32Array;
  const languageLogits = [...whisper.languageTokenIds.values()].map((id) => logits[id]!);
  const maxLogit = Math.max(...languageLogits);
  const normaliser = languageLogits.reduce((sum, logit) => sum + Math.exp(logit - maxLogit), 0);
  const probabilities: Partial<Record<Language, number>> = {};
  for (const language of allowed) {
    const id = whisper.callqaLanguageTokenIds.get(language);
    probabilities[language] = id === undefined ? 0 : Math.exp(logits[id]! - maxLogit) / normaliser;
  }
  const language = allowed.reduce((best, candidate) => (probabilities[candidate]! > probabilities[best]! ? candidate : best));
  return { language, probabilities };
}
