/**
 * Rules stage: etiquette rules (guide G1–G13) evaluated over one call's transcript and
 * acoustic events, driven by a language's rule pack. See README.md for each rule's exact
 * definition and the pack format.
 */
import type { Effects } from '../../core/effects.ts';
import { CallqaError } from '../../core/errors.ts';
import type { CallEvent, ContactChannel, EventType, Language, RuleResult, Utterance } from '../result/call-result.ts';
import { indexCallText } from './call-text.ts';
import type { HoldEvent, TransferEvent } from './event-review.ts';
import { sortEvidence } from './evidence.ts';
import { findTranscriptHolds, reviewHolds } from './holds.ts';
import { ruleKinds, type RuleContext, type RuleOutcome } from './kinds/index.ts';
import { notApplicable } from './kinds/rule-context.ts';
import { findDataRequests, findItemValueUtterances, type ItemValueUtterance } from './requests.ts';
import type { RulePack } from './rule-pack.ts';
import { createSentimentReader, type SentimentSource } from './sentiment.ts';
import { countStatements } from './statements.ts';
import { findTranscriptTransfers, reviewTransfers } from './transfers.ts';

export { loadRulePack, defaultPacksDir } from './load-pack.ts';
export { detectConcept } from './concepts.ts';
export { findWords, type WordSpan } from './normalize.ts';
export type { RulePack } from './rule-pack.ts';
export type { ItemValueUtterance } from './requests.ts';
export type { SentimentSource } from './sentiment.ts';

export interface RulesInput {
  language: Language;
  /** Default voice. In writing, minutes between messages are no hold: holds are not looked for, waits are judged by `reply-wait` rules. */
  channel?: ContactChannel;
  utterances: readonly Utterance[];
  /** Events from the audio stage; may be empty. */
  events: readonly CallEvent[];
  /** Event types the audio stage looked for: an absent type was not checked. */
  eventTypesChecked: readonly EventType[];
  /** Registry id of the model that scored the utterances' sentiment, when one did. */
  sentimentModelId?: string | null;
  /** false when the deployment has agent sentiment off: the agent's negativity is read from the pack's wording lexicon only. Default true. */
  agentSentiment?: boolean;
}

export interface RulesResult {
  rules: RuleResult[];
  statements: { agent: { i: number; you: number } };
  /** The input events, holds and transfers reviewed, plus those found in the transcript. */
  events: CallEvent[];
  /** The input's event types plus holds and transfers, which this stage always looks for. */
  eventTypesChecked: EventType[];
  /** Where negativity for calm-under-pressure came from: "model:<id>", or "lexicon". */
  sentimentSource: SentimentSource;
}

const byStart = <T extends { start: number }>(items: readonly T[]) => [...items].sort((a, b) => a.start - b.start);

/**
 * Evaluates every enabled rule of `pack` over one call. Holds and transfers the audio stage
 * did not check for are looked for in the transcript (README "Holds and transfers without
 * events"). Never mutates its input. Throws CQA_ERR_CONFIG_INVALID when the pack is for
 * another language than the call.
 */
export function evaluateRules(input: RulesInput, pack: RulePack, effects: Effects): RulesResult {
  if (input.language !== pack.language) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `rule pack ${pack.files[0]} is for "${pack.language}" but the call is in "${input.language}"; load the pack for "${input.language}"`);
  }
  const channel = input.channel ?? 'voice';
  const checked = new Set(input.eventTypesChecked);
  const text = indexCallText(input.utterances, input.events, pack);
  const givenHolds = input.events.filter((event): event is HoldEvent => event.type === 'hold');
  const givenTransfers = input.events.filter((event): event is TransferEvent => event.type === 'transfer');
  const looksForHolds = channel === 'voice';
  const foundHolds = checked.has('hold') || !looksForHolds ? [] : findTranscriptHolds(text.utterances, pack);
  const foundTransfers = checked.has('transfer') ? [] : findTranscriptTransfers(text.utterances, pack);
  if (foundHolds.length > 0) effects.log(`rules: ${foundHolds.length} hold(s) found in transcript gaps (no acoustic hold events were checked)`);
  const reviews = [
    ...reviewHolds(byStart([...givenHolds, ...foundHolds]), text.utterances, pack),
    ...reviewTransfers(byStart([...givenTransfers, ...foundTransfers]), text.utterances, pack),
  ];
  const events = byStart([...input.events.filter((event) => event.type !== 'hold' && event.type !== 'transfer'), ...reviews.map((review) => review.event)]);
  const statements = countStatements(text.utterances, pack);
  const context: RuleContext = {
    pack, channel, text, events, reviews, eventTypesChecked: checked, statements,
    requests: findDataRequests(text.utterances, pack),
    sentiment: createSentimentReader(text.utterances, pack, input.sentimentModelId ?? null, input.agentSentiment ?? true),
  };
  // Without agent speech (e.g. a mono call not split into speakers) there is nothing to judge:
  // "no disagreement" would otherwise pass on silence.
  const agentSpoke = text.turns.some((turn) => turn.party === 'agent');
  const rules = pack.rules.flatMap((rule): RuleResult[] => {
    const kind = ruleKinds.get(rule.kind);
    if (!kind) return [];
    const outcome: RuleOutcome = agentSpoke ? kind.evaluate(rule.params, context) : notApplicable();
    return [{
      id: rule.id, status: outcome.status, count: outcome.count, severity: rule.severity, weight: rule.weight,
      ...(outcome.uncertainReason === undefined ? {} : { uncertain_reason: outcome.uncertainReason }),
      evidence: sortEvidence(outcome.evidence),
    }];
  });
  return {
    rules,
    statements: { agent: { i: statements.i, you: statements.you } },
    events,
    eventTypesChecked: [...new Set<EventType>([...input.eventTypesChecked, ...(looksForHolds ? ['hold' as const] : []), 'transfer'])],
    sentimentSource: context.sentiment.source,
  };
}

/**
 * Where the values of the pack's data items are said — a customer naming one with a value,
 * the customer's answer to an agent's request for one — for the redaction stage, which masks
 * them before the rules judge the call. `events` only serve to spot backchannels.
 */
export function findItemValues(utterances: readonly Utterance[], events: readonly CallEvent[], pack: RulePack): ItemValueUtterance[] {
  const text = indexCallText(utterances, events, pack);
  return findItemValueUtterances(text, findDataRequests(text.utterances, pack), pack);
}
