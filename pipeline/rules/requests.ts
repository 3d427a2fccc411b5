/**
 * Requests for a data item (G2, G11). An agent sentence asks for a data item when it names
 * one of the pack's `dataItems` and is a question, uses a request wording or says please
 * ("Could you please tell me your account number?", "Номер заказа какой?", "Telefonszám?").
 * A customer has given an item when a sentence of theirs names it together with a value (a
 * digit or a number word): merely mentioning it ("I want to pass my meter readings") is not
 * giving it. A request that says "again" ("ещё раз", "újra") asks again by its own words,
 * even when the earlier mention was not recognised as the same item.
 */
import { isRedactionMask } from '../result/redaction-mask.ts';
import type { Utterance } from '../result/call-result.ts';
import type { CallText, IndexedSentence, IndexedUtterance } from './call-text.ts';
import { sentenceHas } from './lexicon-search.ts';
import { findLexiconPhrase } from './phrase-matcher.ts';
import type { RulePack } from './rule-pack.ts';

export interface ItemMention {
  indexed: IndexedUtterance;
  itemId: string;
}

export interface DataRequest extends ItemMention {
  polite: boolean;
  /** Worded as asking again. */
  again: boolean;
  /** The earlier request for, or customer statement of, the same item; null when first. */
  repeatOf: ItemMention | null;
}

function findItem(pack: RulePack, sentence: IndexedSentence): string | null {
  for (const [itemId, phrases] of Object.entries(pack.dataItems)) {
    if (findLexiconPhrase(phrases, sentence.tokens)) return itemId;
  }
  return null;
}

function requestIn(pack: RulePack, sentence: IndexedSentence): { itemId: string; polite: boolean; again: boolean } | null {
  const itemId = findItem(pack, sentence);
  if (!itemId) return null;
  const polite = sentenceHas(pack, [pack.requests.politeLexicon], sentence);
  const asks = sentence.isQuestion || polite || sentenceHas(pack, [pack.requests.requestLexicon], sentence);
  return asks ? { itemId, polite, again: sentenceHas(pack, [pack.requests.repeatLexicon], sentence) } : null;
}

// A redaction mask stood for a value: a redacted transcript reads as the raw one did.
const hasDigit = (sentence: IndexedSentence) => sentence.tokens.some((token) => /\p{N}/u.test(token.norm) || isRedactionMask(token.norm));

function givenItems(pack: RulePack, indexed: IndexedUtterance): string[] {
  return indexed.sentences.flatMap((sentence) => {
    const itemId = findItem(pack, sentence);
    const valued = hasDigit(sentence) || sentenceHas(pack, [pack.requests.valueLexicon], sentence);
    return itemId && valued ? [itemId] : [];
  });
}

/** The agent's data requests in call order, each linked to what it repeats. */
export function findDataRequests(utterances: readonly IndexedUtterance[], pack: RulePack): DataRequest[] {
  const known = new Map<string, ItemMention>();
  const requests: DataRequest[] = [];
  for (const indexed of utterances) {
    const { party } = indexed.utterance;
    if (party === 'customer') {
      for (const itemId of givenItems(pack, indexed)) if (!known.has(itemId)) known.set(itemId, { indexed, itemId });
    }
    if (party !== 'agent' || indexed.isBackchannel) continue;
    for (const sentence of indexed.sentences) {
      const request = requestIn(pack, sentence);
      if (!request) continue;
      requests.push({ indexed, ...request, repeatOf: known.get(request.itemId) ?? null });
      if (!known.has(request.itemId)) known.set(request.itemId, { indexed, itemId: request.itemId });
    }
  }
  return requests;
}

/** An utterance in which the value of a data item may be said. */
export interface ItemValueUtterance {
  utterance: Utterance;
  itemId: string;
}

/**
 * Where data items' values are said, for the redaction stage: each customer utterance that
 * names an item with a value, and every customer utterance of the turn that answers an
 * agent's request for one ("Your account number?" — "Four four seven, one two nine.").
 */
export function findItemValueUtterances(text: CallText, requests: readonly DataRequest[], pack: RulePack): ItemValueUtterance[] {
  const found: ItemValueUtterance[] = text.utterances.flatMap((indexed) =>
    indexed.utterance.party === 'customer' ? givenItems(pack, indexed).map((itemId) => ({ utterance: indexed.utterance, itemId })) : []);
  const turnOf = new Map(text.turns.flatMap((turn, turnIndex) => turn.utterances.map((indexed) => [indexed, turnIndex] as const)));
  for (const request of requests) {
    const turnIndex = turnOf.get(request.indexed);
    const answer = turnIndex === undefined ? undefined : text.turns[turnIndex + 1];
    if (answer?.party !== 'customer') continue;
    found.push(...answer.utterances.map((indexed) => ({ utterance: indexed.utterance, itemId: request.itemId })));
  }
  return found;
}
