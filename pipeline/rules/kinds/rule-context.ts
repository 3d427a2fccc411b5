/**
 * What every rule kind receives: the indexed call, the reviewed events and the pack, all
 * computed once per call by `evaluateRules`. A kind returns a `RuleOutcome`; the entry point
 * adds the rule's id, severity and weight.
 */
import type { CallEvent, ContactChannel, RuleResult } from '../../result/call-result.ts';
import type { Evidence } from '../evidence.ts';
import type { CallText } from '../call-text.ts';
import type { EventReview } from '../event-review.ts';
import type { DataRequest } from '../requests.ts';
import type { RulePack } from '../rule-pack.ts';
import type { SentimentReader } from '../sentiment.ts';
import type { StatementCounts } from '../statements.ts';

export interface RuleContext {
  pack: RulePack;
  channel: ContactChannel;
  text: CallText;
  /** The input events with holds and transfers reviewed, plus holds and transfers found in the transcript. */
  events: readonly CallEvent[];
  reviews: readonly EventReview[];
  eventTypesChecked: ReadonlySet<string>;
  statements: StatementCounts;
  requests: readonly DataRequest[];
  sentiment: SentimentReader;
}

export interface RuleOutcome {
  status: RuleResult['status'];
  count: number;
  evidence: Evidence[];
}

export const notApplicable = (): RuleOutcome => ({ status: 'n/a', count: 0, evidence: [] });

/** Fails when any instance failed; `count` is the number of failed instances. */
export function outcomeOf(failedEvidence: readonly Evidence[][], passedEvidence: readonly Evidence[]): RuleOutcome {
  if (failedEvidence.length > 0) return { status: 'fail', count: failedEvidence.length, evidence: failedEvidence.flat() };
  return { status: 'pass', count: 0, evidence: [...passedEvidence] };
}
