/**
 * One utterance, one question: does it carry this rule concept ("a hold request", "an
 * I-statement", "a one-word answer")? Each concept is decided by the very lexicons, settings
 * and counters the rules use, read from the pack, so a phrase-bank figure measures the rules
 * themselves and not a copy of them. Used by the held-out phrase-bank and ASR-noise
 * evaluation (eval/phrase-bank.ts); the rules never call it.
 */
import type { Utterance } from '../result/call-result.ts';
import { indexCallText, type IndexedUtterance, type SpeakingParty } from './call-text.ts';
import { isAgreement } from './holds.ts';
import { findLexicons, findsAfter } from './lexicon-search.ts';
import type { RulePack } from './rule-pack.ts';
import { countStatements } from './statements.ts';

export const conceptIds = [
  'greeting', 'self-intro', 'thanks-opening', 'thanks-closing', 'thanks-after-hold', 'please',
  'hold-ask', 'hold-announce', 'hold-agreement', 'hold-refusal', 'duration',
  'transfer', 'transfer-target', 'transfer-reason', 'callback-number',
  'delay-reason', 'alternative', 'follow-up', 'apology', 'disagreement', 'evaluative',
  'one-word-answer', 'i-statement', 'you-statement',
] as const;
export type ConceptId = (typeof conceptIds)[number];

interface ConceptDetector {
  /** Who must say it: the customer's "No, that's wrong." is no agent disagreement. */
  party: SpeakingParty;
  detect: (indexed: IndexedUtterance, pack: RulePack) => boolean;
}

function ruleParam<T>(pack: RulePack, ruleId: string, param: string, fallback: T): T {
  const value = pack.rules.find((rule) => rule.id === ruleId)?.params[param];
  return value === undefined ? fallback : (value as T);
}

const byLexicons = (lexiconsOf: (pack: RulePack) => readonly string[], party: SpeakingParty = 'agent'): ConceptDetector => ({
  party,
  detect: (indexed, pack) => findLexicons(pack, lexiconsOf(pack), indexed) !== null,
});

/** A `phrases-in-turns` rule's lexicon group: greeting is group 0, self-introduction group 1. */
const ruleGroup = (ruleId: string, group: number) => (pack: RulePack) => ruleParam<string[][]>(pack, ruleId, 'requiredLexicons', [])[group] ?? [];
const ruleList = (ruleId: string, param: string) => (pack: RulePack) => ruleParam<string[]>(pack, ruleId, param, []);

const detectors: Readonly<Record<ConceptId, ConceptDetector>> = {
  'greeting': byLexicons(ruleGroup('greeting', 0)),
  'self-intro': byLexicons(ruleGroup('greeting', 1)),
  'thanks-opening': byLexicons(ruleGroup('thanks-opening', 0)),
  'thanks-closing': byLexicons(ruleGroup('thanks-closing', 0)),
  'thanks-after-hold': byLexicons((pack) => [pack.holds.thanksLexicon]),
  'please': byLexicons((pack) => [pack.requests.politeLexicon]),
  'hold-ask': byLexicons((pack) => [pack.holds.askLexicon]),
  // A hold starts from an ask or an announcement alike (holds.ts).
  'hold-announce': byLexicons((pack) => [pack.holds.askLexicon, pack.holds.announceLexicon]),
  'hold-agreement': { party: 'customer', detect: isAgreement },
  'hold-refusal': byLexicons((pack) => [pack.holds.refusalLexicon], 'customer'),
  'duration': byLexicons((pack) => [pack.holds.durationLexicon]),
  'transfer': byLexicons((pack) => [pack.transfers.mentionLexicon]),
  'transfer-target': byLexicons((pack) => [pack.transfers.targetLexicon]),
  'transfer-reason': byLexicons((pack) => [pack.transfers.reasonLexicon]),
  'callback-number': byLexicons((pack) => [pack.transfers.callbackLexicon]),
  'delay-reason': byLexicons(ruleList('delay-reason', 'requiredLexicons')),
  // An offer ("but I can…") is an alternative after a refusal in the same utterance.
  'alternative': {
    party: 'agent',
    detect: (indexed, pack) => findLexicons(pack, ruleList('alternative-offered', 'requiredLexicons')(pack), indexed) !== null
      || findsAfter(pack, ruleList('alternative-offered', 'triggerLexicons')(pack), ruleList('alternative-offered', 'afterTriggerLexicons')(pack), indexed),
  },
  'follow-up': byLexicons(ruleList('follow-up', 'requiredLexicons')),
  // Not a rule of its own: apologies are told apart from I-statements (statements.formulas).
  'apology': byLexicons(() => ['apology']),
  'disagreement': byLexicons(ruleList('no-disagreement', 'forbiddenLexicons')),
  'evaluative': byLexicons(ruleList('no-evaluative', 'forbiddenLexicons')),
  // An answer is the agent's first utterance of a turn, and turns leave backchannels out (short-answers.ts).
  'one-word-answer': { party: 'agent', detect: (indexed, pack) => !indexed.isBackchannel && indexed.wordCount <= ruleParam(pack, 'one-word-answers', 'maxWords', 2) },
  'i-statement': { party: 'agent', detect: (indexed, pack) => countStatements([indexed], pack).i > 0 },
  'you-statement': { party: 'agent', detect: (indexed, pack) => countStatements([indexed], pack).you > 0 },
};

export function isConceptId(value: string): value is ConceptId {
  return (conceptIds as readonly string[]).includes(value);
}

/** Whether `party` saying `text` carries `concept`, as the rules of `pack` read it. */
export function detectConcept(pack: RulePack, concept: ConceptId, party: SpeakingParty, text: string): boolean {
  const detector = detectors[concept];
  if (party !== detector.party) return false;
  const utterance: Utterance = { party, start: 0, end: 1, text };
  const [indexed] = indexCallText([utterance], [], pack).utterances;
  return indexed !== undefined && detector.detect(indexed, pack);
}
