import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../rules/index.ts';
import { findPii, type UtteranceCues } from './find-pii.ts';
import { loadRedactLexicon, type RedactLexicon } from './lexicon.ts';
import type { Language } from '../result/call-result.ts';

const lexicons = new Map<Language, RedactLexicon>();
for (const language of ['en', 'ru', 'hu'] as const) lexicons.set(language, loadRedactLexicon(language, (await loadRulePack(language)).speech.numbers));

/** What was found, as [kind, text]. */
function found(language: Language, text: string, cues: Partial<UtteranceCues> = {}): [string, string][] {
  return findPii({ text, birthAsked: false, item: null, ...cues }, lexicons.get(language)!).map((span) => [span.kind, text.slice(span.start, span.end)]);
}

describe('findPii', () => {
  it('finds a card number only when its check digit holds, however it is said', () => {
    expect(found('en', 'It is 4666 1760 3137 2159.')).toEqual([['card', '4666 1760 3137 2159']]);
    expect(found('en', 'It is 4666 1760 3137 2158.')).toEqual([]);
    expect(found('ru', 'Карта четыре шесть шесть шесть 1760 3137 два один пять девять.')).toEqual([['card', 'четыре шесть шесть шесть 1760 3137 два один пять девять']]);
    expect(found('hu', 'A kártya négy hat hat hat egy hét hat nulla három egy három hét kettő egy öt kilenc.')).toEqual([
      ['card', 'négy hat hat hat egy hét hat nulla három egy három hét kettő egy öt kilenc'],
    ]);
  });

  it('reads composed number words as people say them', () => {
    expect(found('hu', 'A számom plusz harminchat, harminc, kilenc nyolc hét, hat öt négy három.')).toEqual([['phone', 'plusz harminchat, harminc, kilenc nyolc hét, hat öt négy három']]);
    expect(found('ru', 'Звоните: восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь.')).toEqual([['phone', 'восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь']]);
  });

  it('tells a phone number from an amount, a time and a count', () => {
    expect(found('en', 'Call me on 07700 900123 after six.')).toEqual([['phone', '07700 900123']]);
    expect(found('en', 'We added 1 500 000 000 points and 12000 homes at 14:30.')).toEqual([]);
    expect(found('ru', 'Начислено 1 250 000 000 рублей.')).toEqual([]);
  });

  it('finds IBANs by their check digits, and e-mail addresses written or said', () => {
    expect(found('en', 'To GB82 WEST 1234 5698 7654 32 please.')).toEqual([['iban', 'GB82 WEST 1234 5698 7654 32']]);
    expect(found('en', 'To GB82 WEST 1234 5698 7654 33 please.')).toEqual([]);
    expect(found('en', 'Mail anna.smith@example.com or anna dot smith at example dot com.')).toEqual([
      ['email', 'anna.smith@example.com'], ['email', 'anna dot smith at example dot com'],
    ]);
    expect(found('ru', 'Почта иван собака мейл точка ру.')).toEqual([['email', 'иван собака мейл точка ру']]);
    expect(found('en', 'I was at home on Monday.')).toEqual([]);
  });

  it('finds a date as a birth date only near a birth cue or after a question about one', () => {
    expect(found('en', 'I was born on the fourth of July nineteen ninety.')).toEqual([['birth-date', 'the fourth of July nineteen ninety']]);
    expect(found('en', 'It was due on the fourth of July 2024.')).toEqual([]);
    expect(found('ru', 'Двенадцатого марта восемьдесят пятого.', { birthAsked: true })).toEqual([['birth-date', 'Двенадцатого марта восемьдесят пятого']]);
    expect(found('hu', 'Ezerkilencszázkilencven július negyedikén születtem.')).toEqual([['birth-date', 'Ezerkilencszázkilencven július negyedikén']]);
  });

  it('masks the digits of a data item only where the rules found one asked for or named', () => {
    expect(found('en', 'Four four seven, one two nine.', { item: 'account-number' })).toEqual([['data-item', 'Four four seven, one two nine']]);
    expect(found('en', 'Four four seven, one two nine.')).toEqual([]);
    expect(found('en', 'It costs forty-nine pounds.', { item: 'account-number' })).toEqual([]);
    expect(found('ru', 'Заказ опаздывает, номер пять семь три девять.')).toEqual([['data-item', 'пять семь три девять']]);
    expect(found('en', 'The tracking number is P X four four one nine.', { item: 'tracking-number' })).toEqual([['data-item', 'P X four four one nine']]);
  });
});
