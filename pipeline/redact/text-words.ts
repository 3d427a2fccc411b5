/**
 * The words of a text with their offsets, split as the rules and the search index split them
 * (inner hyphens and apostrophes kept, a mask one word), so a mask per word keeps a text's
 * word count for both.
 */
import { redactionMaskSource } from '../result/redaction-mask.ts';

export interface TextWord {
  /** Lower case, ё written е, as the rule packs write words. */
  norm: string;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
}

const wordPattern = new RegExp(`${redactionMaskSource}|[\\p{L}\\p{N}]+(?:['’ʼ-][\\p{L}\\p{N}]+)*`, 'gu');

export function findTextWords(text: string): TextWord[] {
  return Array.from(text.matchAll(wordPattern), (match) => ({
    norm: match[0].normalize('NFC').toLocaleLowerCase().replaceAll('ё', 'е'),
    start: match.index,
    end: match.index + match[0].length,
  }));
}
