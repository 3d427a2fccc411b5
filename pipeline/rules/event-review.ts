/**
 * What the transcript says about an acoustic or derived event: the attributes the guidance
 * asks for (a hold consented to, its duration stated, thanks after it; a transfer's target,
 * reason and callback number) and the utterances that decided them.
 */
import type { CallEvent } from '../result/call-result.ts';
import type { IndexedUtterance } from './call-text.ts';
import type { Evidence } from './evidence.ts';
import type { Doubt } from './uncertainty.ts';

export type HoldEvent = Extract<CallEvent, { type: 'hold' }>;
export type TransferEvent = Extract<CallEvent, { type: 'transfer' }>;

export const holdAttributes = ['consented', 'duration_stated', 'thanked_after'] as const;
export const transferAttributes = ['target_named', 'reason_given', 'callback_number_given'] as const;
export type ReviewedAttribute = (typeof holdAttributes)[number] | (typeof transferAttributes)[number];

export interface EventReview {
  event: HoldEvent | TransferEvent;
  /** null: the transcript cannot tell (`doubts` says why). */
  attributes: Partial<Record<ReviewedAttribute, boolean | null>>;
  doubts: Partial<Record<ReviewedAttribute, string>>;
  /** The event span and the utterances around it that the attributes were read from. */
  evidence: readonly Evidence[];
}

/**
 * Each attribute as found, or null where it was not found but a doubt says the transcript may
 * hide it; the doubts' utterances join the evidence.
 */
export function settleAttributes<A extends ReviewedAttribute>(found: Record<A, boolean>, doubtOf: (attribute: A) => Doubt | null):
  { attributes: Record<A, boolean | null>; doubts: Partial<Record<A, string>>; doubtful: IndexedUtterance[] } {
  const attributes: Record<A, boolean | null> = { ...found };
  const doubts: Partial<Record<A, string>> = {};
  const doubtful: IndexedUtterance[] = [];
  for (const attribute of Object.keys(found) as A[]) {
    if (found[attribute]) continue;
    const doubt = doubtOf(attribute);
    if (!doubt) continue;
    attributes[attribute] = null;
    doubts[attribute] = doubt.reason;
    if (doubt.indexed) doubtful.push(doubt.indexed);
  }
  return { attributes, doubts, doubtful };
}

/** Utterances starting within [from, to), in the order given. */
export function startingWithin<T extends { utterance: { start: number } }>(utterances: readonly T[], from: number, to: number): T[] {
  return utterances.filter(({ utterance }) => utterance.start >= from && utterance.start < to);
}
