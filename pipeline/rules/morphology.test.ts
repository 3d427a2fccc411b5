import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createSuffixChainTest } from './morphology.ts';
import { compilePhrase, findLexiconPhrase, findPhrase, plainWordForms, type MatchToken } from './phrase-matcher.ts';
import { createStemmer } from './stem.ts';

const tokens = (text: string): MatchToken[] => text.split(' ').map((norm) => ({ norm, stem: norm }));

describe('suffix chains', () => {
  it('cuts the rest of a word into known suffixes, or fails', () => {
    const isChain = createSuffixChainTest(['tat', 'hat', 'ná', 'm', 'om']);
    expect(isChain('')).toBe(true);
    expect(isChain('hatnám')).toBe(true);
    expect(isChain('tathatom')).toBe(true);
    expect(isChain('alom')).toBe(false);
  });

  it('lets `stem+` take Hungarian causative + potential + conditional forms, not words that merely start alike', async () => {
    const spec = JSON.parse(await readFile(new URL('./packs/hu.json', import.meta.url), 'utf8')) as { morphology: { suffixes: string[] } };
    const forms = { ...plainWordForms, isSuffixChain: createSuffixChainTest(spec.morphology.suffixes) };
    const phrase = compilePhrase('tart+ vonal*', createStemmer('hungarian'), 3, forms);
    expect(findPhrase(phrase, tokens('tarthatnám a vonalat'))).not.toBeNull();
    expect(findPhrase(phrase, tokens('tartalom a vonalon'))).toBeNull();
  });
});

describe('exclusion phrases', () => {
  it('blank what they match before the other phrases of the lexicon are looked for', () => {
    const stem = createStemmer('english');
    const lexicon = [compilePhrase('thank', stem, 3), compilePhrase('!"no thanks"', stem, 3)];
    const stemmed = (text: string) => text.split(' ').map((norm) => ({ norm, stem: stem(norm) }));
    expect(findLexiconPhrase(lexicon, stemmed('no thanks i will call back'))).toBeNull();
    expect(findLexiconPhrase(lexicon, stemmed('no thanks needed but thank you'))?.firstToken).toBe(4);
    expect(findLexiconPhrase([compilePhrase('!"no thanks"', stem, 3)], stemmed('no thanks'))).toBeNull();
  });
});
