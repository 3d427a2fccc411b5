import { describe, expect, it } from 'vitest';
import { normalizeWord, splitSentences } from './normalize.ts';
import { compilePhrase, findPartialLexiconPhrase, findPhrase, type MatchToken } from './phrase-matcher.ts';
import { createStemmer } from './stem.ts';

function tokensOf(text: string, stemmer: string): MatchToken[] {
  const stem = createStemmer(stemmer);
  return splitSentences(text).flatMap((sentence) => sentence.tokens.map((token) => ({ norm: token.norm, stem: stem(token.norm) })));
}

function matches(phrase: string, text: string, stemmer: string, gapWords = 3): boolean {
  return findPhrase(compilePhrase(phrase, createStemmer(stemmer), gapWords), tokensOf(text, stemmer)) !== null;
}

describe('normalization', () => {
  it('folds case, ё and typographic apostrophes but keeps Hungarian accents', () => {
    expect(normalizeWord('ПОДОЖДЁТЕ')).toBe('подождете');
    expect(normalizeWord('Can’t')).toBe("can't");
    expect(normalizeWord('Köszönöm')).toBe('köszönöm');
    expect(normalizeWord('kérem')).not.toBe(normalizeWord('kerem'));
    expect(normalizeWord('türelmõt')).toBe('türelmőt');
  });

  it('splits sentences, marks questions and pauses, keeps hyphenated words whole', () => {
    const sentences = splitSentences('Mm-hmm. Could you, please, hold? Вам придёт эс-эм-эс!');
    expect(sentences.map((sentence) => sentence.isQuestion)).toEqual([false, true, false]);
    expect(sentences[0]?.tokens.map((token) => token.norm)).toEqual(['mm-hmm']);
    expect(sentences[1]?.tokens.map((token) => token.afterPause)).toEqual([false, false, true, true]);
    expect(sentences[2]?.tokens.map((token) => token.norm)).toContain('эс-эм-эс');
  });
});

describe('phrase matching', () => {
  it('matches a set of stems within a window, in any order, across inflection', () => {
    expect(matches('put|place you hold', 'May I place you on a short hold?', 'english')).toBe(true);
    expect(matches('put|place you hold', 'Can I put you on hold?', 'english')).toBe(true);
    expect(matches('put|place you hold', 'I put the form on your account and you can hold it', 'english')).toBe(false);
    expect(matches('постав* вас удержан*', 'Поставлю вас на удержание', 'russian')).toBe(true);
    expect(matches('удержан* подожд*', 'На удержании подождёте?', 'russian')).toBe(true);
    expect(matches('tart* vonal*', 'Tarthatom a vonalat egy percig?', 'hungarian')).toBe(true);
    expect(matches('várakoztat*', 'Várakoztathatom?', 'hungarian')).toBe(true);
    expect(matches('thanks calling', 'Thank you for calling', 'english')).toBe(true);
    expect(matches('köszön* türelmét', 'köszönjük a türelmüket', 'hungarian')).toBe(true);
  });

  it('supports exact words, suffixes, optional words and quoted phrases', () => {
    expect(matches('=вас', 'Слушаю вас', 'russian')).toBe(true);
    expect(matches('=вас', 'Ваш номер', 'russian')).toBe(false);
    expect(matches('nem tud* *ni', 'Ezt én nem tudom törölni', 'hungarian')).toBe(true);
    expect(matches('nem tud* *ni', 'Nem tudom.', 'hungarian')).toBe(false);
    expect(matches('"не я"', 'Деньги возвращаю не я', 'russian')).toBe(true);
    expect(matches('"не я"', 'Я не занимаюсь роумингом', 'russian')).toBe(false);
    expect(matches('short? hold', 'hold', 'english', 0)).toBe(true);
    expect(matches('put you hold', 'put you on a hold', 'english', 0)).toBe(false);
    expect(matches('put you hold', 'put you on a hold', 'english', 2)).toBe(true);
  });

  it('rejects phrases that are not phrase syntax, with the fix', () => {
    const stem = createStemmer('english');
    expect(() => compilePhrase('hold, please', stem, 3)).toThrow(/"hold," is not a word/);
    expect(() => compilePhrase('short?', stem, 3)).toThrow(/at least one word that is not optional/);
    expect(() => compilePhrase('a||b', stem, 3)).toThrow(/empty alternative/);
    expect(() => compilePhrase('"short? hold"', stem, 3)).toThrow(/cannot have optional words/);
  });
});

describe('partial matches', () => {
  const stem = createStemmer('english');
  const lexicon = ['put|place you hold', 'hold on', '"bear with me"', '!put you through'].map((phrase) => compilePhrase(phrase, stem, 3));
  const partial = (text: string, minWords = 2) => findPartialLexiconPhrase(lexicon, tokensOf(text, 'english'), minWords)?.phrase.source ?? null;

  it('finds a phrase missing one required word when enough of the others are there', () => {
    expect(partial('can i put you on a for a minute')).toBe('put|place you hold');
    expect(partial('can i put you on a for a minute', 3)).toBeNull();
  });

  it('never counts a phrase shorter than the minimum, a quoted one or a stretch an exclusion blanks', () => {
    expect(partial('just hold')).toBeNull();
    expect(partial('bear with')).toBeNull();
    expect(partial("i'll put you through to billing")).toBeNull();
  });
});
