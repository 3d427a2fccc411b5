/**
 * What the transcript says about an acoustic or derived event: the attributes the guidance
 * asks for (a hold consented to, its duration stated, thanks after it; a transfer's target,
 * reason and callback number) and the utterances that decided them.
 */
import type { CallEvent } from '../result/call-result.ts';
import type { Evidence } from './evidence.ts';

export type HoldEvent = Extract<CallEvent, { type: 'hold' }>;
export type TransferEvent = Extract<CallEvent, { type: 'transfer' }>;

export const holdAttributes = ['consented', 'duration_stated', 'thanked_after'] as const;
export const transferAttributes = ['target_named', 'reason_given', 'callback_number_given'] as const;
export type ReviewedAttribute = (typeof holdAttributes)[number] | (typeof transferAttributes)[number];

export interface EventReview {
  event: HoldEvent | TransferEvent;
  attributes: Partial<Record<ReviewedAttribute, boolean>>;
  /** The event span and the utterances around it that the attributes were read from. */
  evidence: readonly Evidence[];
}

/** Utterances starting within [from, to), in the order given. */
export function startingWithin<T extends { utterance: { start: number } }>(utterances: readonly T[], from: number, to: number): T[] {
  return utterances.filter(({ utterance }) => utterance.start >= from && utterance.start < to);
}
