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
  /** Failed instances on a fail, undecided ones on an uncertain, else 0. */
  count: number;
  evidence: Evidence[];
  /** Why an uncertain rule could not decide. */
  uncertainReason?: string;
}

/** An instance the rule could not decide, and why. */
export interface Undecided {
  evidence: readonly Evidence[];
  reason: string;
}

export const notApplicable = (): RuleOutcome => ({ status: 'n/a', count: 0, evidence: [] });

/**
 * Fails when any instance failed (`count`: how many); else uncertain when any could not be
 * decided (`count`: how many, the reasons joined); else passes.
 */
export function outcomeOf(failedEvidence: readonly Evidence[][], passedEvidence: readonly Evidence[], undecided: readonly Undecided[] = []): RuleOutcome {
  if (failedEvidence.length > 0) return { status: 'fail', count: failedEvidence.length, evidence: failedEvidence.flat() };
  if (undecided.length > 0) {
    return { status: 'uncertain', count: undecided.length, evidence: undecided.flatMap((instance) => instance.evidence), uncertainReason: [...new Set(undecided.map((instance) => instance.reason))].join('; ') };
  }
  return { status: 'pass', count: 0, evidence: [...passedEvidence] };
}
