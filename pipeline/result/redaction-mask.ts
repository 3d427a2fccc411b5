/**
 * What stands in a stored text where personal data was: one mask per word, naming the kind
 * ("four four seven one" → "[card] [card] [card] [card]"). A mask per word keeps a text's word
 * count and its separators, so word timings still line up and the rules stage, which reads
 * a mask as a number ("a value was given here"), judges a redacted transcript as it judged
 * the raw one: a rescore of a stored call gives the verdicts its analysis gave.
 */
export const redactionKinds = ['card', 'phone', 'iban', 'email', 'birth-date', 'data-item'] as const;
export type RedactionKind = (typeof redactionKinds)[number];

export const maskOf = (kind: RedactionKind): string => `[${kind}]`;

/** A mask as one word, for tokenizers: put it before any other word pattern. */
export const redactionMaskSource = `\\[(?:${redactionKinds.join('|')})\\]`;

const wholeMask = new RegExp(`^${redactionMaskSource}$`);

export function isRedactionMask(word: string): boolean {
  return wholeMask.test(word);
}
