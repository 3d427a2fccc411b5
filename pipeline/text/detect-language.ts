import { readFileSync } from 'node:fs';
import { languages, type Language, type Utterance } from '../result/call-result.ts';

interface LanguageMarkers {
  /** Letters only this language's script or orthography uses, among the configured languages. */
  letters: string;
  /** Frequent function words: what a few words of any sentence contain. */
  words: string[];
}

const markers = JSON.parse(readFileSync(new URL('./language-markers.json', import.meta.url), 'utf8')) as Record<Language, LanguageMarkers>;
const wordSets = new Map(languages.map((language) => [language, new Set(markers[language].words)]));
/** A letter specific to a language weighs less than a function word: names and loanwords carry them too. */
const letterWeight = 0.25;
/** Fewer words than this leave an utterance's language to the call's. */
const minWordsPerUtterance = 3;

function scoreText(text: string): Map<Language, number> {
  const lower = text.toLowerCase();
  const words = lower.match(/[\p{L}']+/gu) ?? [];
  return new Map(
    languages.map((language) => {
      const wordHits = words.filter((word) => wordSets.get(language)!.has(word)).length;
      const letterHits = [...lower].filter((letter) => markers[language].letters.includes(letter)).length;
      return [language, wordHits + letterWeight * letterHits];
    }),
  );
}

function bestOf(scores: Map<Language, number>, allowed: readonly Language[]): Language | null {
  let best: Language | null = null;
  for (const language of allowed) if ((scores.get(language) ?? 0) > (best ? scores.get(best)! : 0)) best = language;
  return best;
}

export interface TextLanguage {
  /** The call's language, or null when its text has no recognisable words. */
  language: Language | null;
  /** Each utterance's language: its own where it is long enough to tell, else the call's. */
  utteranceLanguages: (Language | null)[];
}

/**
 * Tells the language of a transcript among the configured ones from function words and
 * language-specific letters. Imported transcripts carry no language, and rule packs are
 * chosen by it, so this runs on every transcript that did not come from Whisper.
 */
export function detectTextLanguage(utterances: readonly Utterance[], allowed: readonly Language[]): TextLanguage {
  const total = new Map<Language, number>();
  const perUtterance = utterances.map((utterance) => {
    const scores = scoreText(utterance.text);
    for (const [language, score] of scores) total.set(language, (total.get(language) ?? 0) + score);
    const wordCount = utterance.text.split(/\s+/).filter(Boolean).length;
    return wordCount >= minWordsPerUtterance ? bestOf(scores, allowed) : null;
  });
  const language = bestOf(total, allowed);
  return { language, utteranceLanguages: perUtterance.map((own) => own ?? language) };
}
