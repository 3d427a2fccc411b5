/**
 * Transfers (G6). Transfer events given by an upstream source (telephony metadata, or a test
 * harness) are reviewed as they are; otherwise they are found in the transcript: agent
 * utterances with a `transfers.mentionLexicon` phrase, mentions closer than `mergeWithinS`
 * joined into one transfer; and when there is none, a call whose last utterance is the
 * agent's hand-over phrase ("One moment.", "Соединяю.") ends in a transfer there. The agent's
 * utterances from `lookbackS` before a transfer to its end are searched for the target, the
 * reason and a callback number.
 */
import type { IndexedUtterance } from './call-text.ts';
import { eventEvidence, utteranceEvidence } from './evidence.ts';
import { settleAttributes, startingWithin, type EventReview, type TransferEvent } from './event-review.ts';
import { findLexicons } from './lexicon-search.ts';
import type { RulePack } from './rule-pack.ts';
import { doubtAbout } from './uncertainty.ts';

const spoken = (utterances: readonly IndexedUtterance[]) => utterances.filter((indexed) => !indexed.isBackchannel);

/** Transfers announced in the transcript; used when 'transfer' was not among the checked event types. */
export function findTranscriptTransfers(utterances: readonly IndexedUtterance[], pack: RulePack): TransferEvent[] {
  const { transfers } = pack;
  const agentLines = spoken(utterances).filter(({ utterance }) => utterance.party === 'agent');
  const mentions = agentLines.filter((agent) => findLexicons(pack, [transfers.mentionLexicon], agent));
  const last = spoken(utterances).at(-1);
  if (mentions.length === 0 && last?.utterance.party === 'agent' && findLexicons(pack, [transfers.handoverLexicon], last)) mentions.push(last);
  const found: TransferEvent[] = [];
  for (const { utterance } of mentions) {
    const previous = found.at(-1);
    if (previous && utterance.start - previous.end <= transfers.mergeWithinS) previous.end = Math.max(previous.end, utterance.end);
    else found.push({ type: 'transfer', start: utterance.start, end: utterance.end });
  }
  return found;
}

/** Reviews each transfer for a named target, a reason and a callback number. */
export function reviewTransfers(transfersInOrder: readonly TransferEvent[], utterances: readonly IndexedUtterance[], pack: RulePack): EventReview[] {
  const { transfers } = pack;
  return transfersInOrder.map((transfer) => {
    const explaining = spoken(startingWithin(utterances, transfer.start - transfers.lookbackS, transfer.end + 1e-6))
      .filter(({ utterance }) => utterance.party === 'agent');
    const said = (lexicon: string) => explaining.find((agent) => findLexicons(pack, [lexicon], agent));
    const target = said(transfers.targetLexicon);
    const reason = said(transfers.reasonLexicon);
    const callback = said(transfers.callbackLexicon);
    const lexiconOf = { target_named: transfers.targetLexicon, reason_given: transfers.reasonLexicon, callback_number_given: transfers.callbackLexicon };
    const { attributes, doubts, doubtful } = settleAttributes(
      { target_named: target !== undefined, reason_given: reason !== undefined, callback_number_given: callback !== undefined },
      (attribute) => doubtAbout(pack, [lexiconOf[attribute]], explaining),
    );
    const announced = startingWithin(explaining, transfer.start, transfer.end + 1e-6);
    const context = [...announced, ...[target, reason, callback].flatMap((agent) => (agent ? [agent] : [])), ...doubtful];
    return { event: { ...transfer, ...attributes }, attributes, doubts, evidence: [eventEvidence(transfer), ...context.map(utteranceEvidence)] };
  });
}
