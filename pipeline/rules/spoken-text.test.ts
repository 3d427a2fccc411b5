import { describe, expect, it } from 'vitest';
import type { Language } from '../result/call-result.ts';
import { indexCallText } from './call-text.ts';
import { conceptIds, detectConcept } from './concepts.ts';
import { loadRulePack } from './index.ts';
import { compilePhrase, findPhrase, plainWordForms } from './phrase-matcher.ts';
import { createStemmer } from './stem.ts';
import { numberOfWord } from './spoken-text.ts';

async function indexed(language: Language, text: string) {
  const pack = await loadRulePack(language);
  const [utterance] = indexCallText([{ party: 'agent', start: 0, end: 1, text }], [], pack).utterances;
  if (!utterance) throw new Error('nothing indexed');
  return { pack, utterance };
}

describe('spoken text', () => {
  it('reads speech-to-text output as the punctuated transcript it stands for, in every concept', async () => {
    const pairs: [Language, string, string][] = [
      ['en', 'So, can you hold for 2 minutes?', 'um so can you can you hold for two minutes'],
      ['ru', 'Можно я поставлю вас на удержание на 2 минуты?', 'э-э можно я поставлю вас на удержание на две минуты'],
      ['hu', 'Tudna várni 2 percet?', 'öö tudna várni két percet'],
    ];
    for (const [language, written, spoken] of pairs) {
      const pack = await loadRulePack(language);
      const read = (text: string) => conceptIds.filter((concept) => detectConcept(pack, concept, 'agent', text));
      expect(read(spoken), `${language}: ${spoken}`).toEqual(read(written));
      expect(read(spoken), language).toEqual(expect.arrayContaining(['hold-ask', 'duration']));
    }
  });

  it('drops fillers and folds repeated words, but keeps a pause that stood before them', async () => {
    const { utterance } = await indexed('en', 'Yes, um, uh, I I can check.');
    expect(utterance.sentences[0]?.tokens.map((token) => [token.norm, token.afterPause])).toEqual([['yes', false], ['i', true], ['can', false], ['check', false]]);
    expect((await indexed('ru', 'Нет, нет, нет.')).utterance.wordCount).toBe(1);
    expect((await indexed('hu', 'Öö, hát, igen.')).utterance.wordCount).toBe(1);
  });

  it('keeps an utterance of nothing but fillers, a listener sound', async () => {
    const { utterance } = await indexed('en', 'Uh.');
    expect(utterance.wordCount).toBe(1);
    expect(utterance.isBackchannel).toBe(true);
  });

  it('makes an unpunctuated sentence a question only when a question word opens it', async () => {
    expect((await indexed('en', 'can you hear me')).utterance.sentences[0]?.isQuestion).toBe(true);
    expect((await indexed('en', 'you can hear me')).utterance.sentences[0]?.isQuestion).toBe(false);
    expect((await indexed('en', 'Can you hear me.')).utterance.sentences[0]?.isQuestion).toBe(false);
    expect((await indexed('hu', 'mikor jön a szerelő')).utterance.sentences[0]?.isQuestion).toBe(true);
  });

  it('looks for the question word after lead-ins, and takes a question tag at the end', async () => {
    const asks = async (language: Language, text: string) => (await indexed(language, text)).utterance.sentences[0]?.isQuestion;
    expect(await asks('ru', 'так когда мне её привезут')).toBe(true);
    expect(await asks('ru', 'так мне её привезут завтра')).toBe(false);
    expect(await asks('hu', 'és mikor kapom meg')).toBe(true);
    expect(await asks('hu', 'aktív volt a csomagom vagy sem')).toBe(true);
    expect(await asks('hu', 'sem')).toBe(false);
    expect(await asks('hu', 'Aktív volt a csomagom vagy sem.')).toBe(false);
  });

  it('matches a number word and its digits both ways, and # any number', async () => {
    const { pack, utterance } = await indexed('ru', 'Наберите восемь восемьсот 123.');
    expect(utterance.sentences[0]?.tokens.map((token) => token.number)).toEqual([undefined, '8', '800', '123']);
    const forms = { ...plainWordForms, numberOf: (word: string) => numberOfWord(word, pack.speech) };
    const tokens = utterance.sentences[0]?.tokens ?? [];
    expect(findPhrase(compilePhrase('8 800', createStemmer('russian'), 0, forms), tokens)).not.toBeNull();
    expect(findPhrase(compilePhrase('наберите сто двадцать три', createStemmer('russian'), 3, forms), tokens)).toBeNull();
    expect(findPhrase(compilePhrase('набер* # #', createStemmer('russian'), 0, forms), tokens)?.lastToken).toBe(2);
  });
});
