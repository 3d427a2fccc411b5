import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Utterance } from '../result/call-result.ts';
import { detectTextLanguage } from './detect-language.ts';

const line = (text: string): Utterance => ({ party: 'agent', start: 0, end: 1, text });
const samplesDir = new URL('../../samples/calls/', import.meta.url);

describe('detectTextLanguage', () => {
  it('tells English, Russian and Hungarian sentences apart', () => {
    expect(detectTextLanguage([line('Thank you for calling, how can I help you today?')], ['en', 'ru', 'hu']).language).toBe('en');
    expect(detectTextLanguage([line('Спасибо за звонок, чем я могу вам помочь?')], ['en', 'ru', 'hu']).language).toBe('ru');
    expect(detectTextLanguage([line('Köszönöm a hívását, miben segíthetek önnek?')], ['en', 'ru', 'hu']).language).toBe('hu');
  });

  it('labels each long enough utterance of a mixed call with its own language', () => {
    const detected = detectTextLanguage(
      [line('Good morning, this is the billing team.'), line('Да, я вас слушаю внимательно.'), line('Ok.')],
      ['en', 'ru', 'hu'],
    );
    expect(detected.utteranceLanguages).toEqual(['en', 'ru', detected.language]);
  });

  it('only answers with a configured language, and null for text without words', () => {
    expect(detectTextLanguage([line('Köszönöm a hívását, miben segíthetek?')], ['en', 'ru']).language).not.toBe('hu');
    expect(detectTextLanguage([line('12 34 ...')], ['en', 'ru', 'hu']).language).toBeNull();
  });

  it('gets the language of every sample transcript right', () => {
    const transcripts = readdirSync(samplesDir).filter((file) => file.endsWith('.transcript.json'));
    expect(transcripts.length).toBeGreaterThanOrEqual(18);
    for (const file of transcripts) {
      const { utterances } = JSON.parse(readFileSync(new URL(file, samplesDir), 'utf8')) as { utterances: Utterance[] };
      expect(detectTextLanguage(utterances, ['en', 'ru', 'hu']).language, file).toBe(file.slice(0, 2));
    }
  });
});
