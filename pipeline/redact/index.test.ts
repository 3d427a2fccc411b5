import { describe, expect, it } from 'vitest';
import type { Utterance } from '../result/call-result.ts';
import { loadRedactLexicon, redactTranscript } from './index.ts';

const lexicon = loadRedactLexicon('en', new Map(Object.entries({ one: '1', two: '2', four: '4', six: '6', seven: '7', nine: '9', zero: '0', three: '3', five: '5' })));

const utterances: Utterance[] = [
  { party: 'agent', start: 0, end: 2, text: 'What is your date of birth?' },
  {
    party: 'customer', start: 2, end: 6, text: 'The fourth of July 1990, and the card 4666 1760 3137 2159.',
    words: [
      { start: 2, end: 2.2, text: 'The' }, { start: 2.2, end: 2.5, text: 'fourth' }, { start: 2.5, end: 2.6, text: 'of' }, { start: 2.6, end: 2.9, text: 'July' },
      { start: 2.9, end: 3.3, text: '1990,' }, { start: 3.3, end: 3.4, text: 'and' }, { start: 3.4, end: 3.5, text: 'the' }, { start: 3.5, end: 3.8, text: 'card' },
      { start: 3.8, end: 4.4, text: '4666' }, { start: 4.4, end: 4.9, text: '1760' }, { start: 4.9, end: 5.4, text: '3137' }, { start: 5.4, end: 5.9, text: '2159.' },
    ],
  },
];

describe('redactTranscript', () => {
  it('masks each word of a value in the text and in the timed words, and records where, never what', () => {
    const redacted = redactTranscript({ mode: 'text+audio', utterances, itemValues: [] }, lexicon);
    expect(redacted.utterances[1]?.text).toBe('[birth-date] [birth-date] [birth-date] [birth-date] [birth-date], and the card [card] [card] [card] [card].');
    expect(redacted.utterances[1]?.words?.map((word) => word.text)).toEqual([
      '[birth-date]', '[birth-date]', '[birth-date]', '[birth-date]', '[birth-date],', 'and', 'the', 'card', '[card]', '[card]', '[card]', '[card].',
    ]);
    expect(redacted.redaction).toEqual({
      mode: 'text+audio',
      spans: [
        { kind: 'birth-date', party: 'customer', utterance: 1, start: 2, end: 3.3 },
        { kind: 'card', party: 'customer', utterance: 1, start: 3.8, end: 5.9 },
      ],
    });
    expect(redacted.utterances[0]).toBe(utterances[0]);
    expect(utterances[1]?.text).toContain('4666');
  });

  it('masks a birth date read back after the answer', () => {
    const readBack: Utterance[] = [
      { party: 'agent', start: 0, end: 1, text: 'Can I have your date of birth?' },
      { party: 'customer', start: 1, end: 2, text: '12 March 1985.' },
      { party: 'agent', start: 2, end: 3, text: 'Thank you, 12 March 1985, confirmed.' },
      { party: 'agent', start: 3, end: 4, text: 'Your parcel comes on 14 March 2025.' },
    ];
    const redacted = redactTranscript({ mode: 'text', utterances: readBack, itemValues: [] }, lexicon);
    expect(redacted.utterances.map((utterance) => utterance.text).slice(1)).toEqual([
      '[birth-date] [birth-date] [birth-date].', 'Thank you, [birth-date] [birth-date] [birth-date], confirmed.', 'Your parcel comes on 14 March 2025.',
    ]);
  });

  it('masks every timed word when they do not split like the text, and times the span by the utterance', () => {
    const unaligned = [{ ...utterances[1]!, words: [{ start: 2, end: 6, text: 'The fourth of July' }] }];
    const redacted = redactTranscript({ mode: 'text', utterances: unaligned, itemValues: [] }, lexicon);
    expect(redacted.utterances[0]?.words?.[0]?.text).toBe('[card] [card] [card] [card]');
    expect(redacted.redaction.spans.at(-1)).toEqual({ kind: 'card', party: 'customer', utterance: 0, start: 2, end: 6 });
  });
});
