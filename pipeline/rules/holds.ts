/**
 * Holds (G4, G5). With acoustic hold events, each is reviewed against the transcript: the
 * agent asked (a `holds.askLexicon` phrase) and the customer agreed (`agreementLexicon`, and
 * no `refusalLexicon` phrase in the same answer)
 * within `consentLookbackS` before it; the ask or announcement named a time unit; the agent's
 * first utterance after it thanks the caller. Without them (transcript-only analysis) a hold
 * is a silence of at least `transcriptGapS` between consecutive utterances whose last agent
 * utterance before it asks for or announces a hold; it is reported as kind "silence" because
 * a transcript cannot tell music from silence.
 */
import type { IndexedUtterance } from './call-text.ts';
import { eventEvidence, utteranceEvidence } from './evidence.ts';
import { settleAttributes, startingWithin, type EventReview, type HoldEvent } from './event-review.ts';
import { findLexicons } from './lexicon-search.ts';
import type { RulePack } from './rule-pack.ts';
import { doubtAbout, transcriptGap } from './uncertainty.ts';

// An acoustic hold may be detected a little before the caller's "sure" has ended.
const boundaryToleranceS = 0.5;
// Transcript times come in milliseconds; a 15.000 s gap must not fail a 15 s threshold by rounding.
const timeResolutionS = 0.001;

const agentTurnsOf = (utterances: readonly IndexedUtterance[]) =>
  utterances.filter(({ utterance, isBackchannel }) => utterance.party === 'agent' && !isBackchannel);

/** The caller's yes to a hold: an agreement phrase and no refusal ("No, sorry, I'm driving" is not a yes). */
export function isAgreement(indexed: IndexedUtterance, pack: RulePack): boolean {
  const { holds } = pack;
  return findLexicons(pack, [holds.agreementLexicon], indexed) !== null && findLexicons(pack, [holds.refusalLexicon], indexed) === null;
}

/** Holds found in transcript gaps; used when 'hold' was not among the checked event types. */
export function findTranscriptHolds(utterances: readonly IndexedUtterance[], pack: RulePack): HoldEvent[] {
  const { holds } = pack;
  const found: HoldEvent[] = [];
  let lastEndS = Number.NEGATIVE_INFINITY;
  for (const indexed of utterances) {
    const gapStartS = lastEndS;
    lastEndS = Math.max(lastEndS, indexed.utterance.end);
    if (indexed.utterance.start - gapStartS + timeResolutionS < holds.transcriptGapS) continue;
    const lastAgent = agentTurnsOf(startingWithin(utterances, gapStartS - holds.consentLookbackS, gapStartS)).at(-1);
    if (lastAgent && findLexicons(pack, [holds.askLexicon, holds.announceLexicon], lastAgent)) found.push({ type: 'hold', start: gapStartS, end: indexed.utterance.start, kind: 'silence' });
  }
  return found;
}

/** Reviews each hold; `holdsInOrder` must be sorted by start. */
export function reviewHolds(holdsInOrder: readonly HoldEvent[], utterances: readonly IndexedUtterance[], pack: RulePack): EventReview[] {
  const { holds } = pack;
  return holdsInOrder.map((hold, index) => {
    const previousEndS = holdsInOrder[index - 1]?.end ?? Number.NEGATIVE_INFINITY;
    const before = startingWithin(utterances, Math.max(previousEndS, hold.start - holds.consentLookbackS), hold.start + boundaryToleranceS);
    const announcements = agentTurnsOf(before).filter((agent) => findLexicons(pack, [holds.askLexicon, holds.announceLexicon], agent));
    const ask = agentTurnsOf(before).findLast((agent) => findLexicons(pack, [holds.askLexicon], agent));
    const agreement = ask
      ? before.find((other) => other.utterance.party === 'customer' && other.utterance.start >= ask.utterance.start
        && isAgreement(other, pack))
      : undefined;
    const durationIn = announcements.find((agent) => findLexicons(pack, [holds.durationLexicon], agent));
    const firstAfter = agentTurnsOf(startingWithin(utterances, hold.end - boundaryToleranceS, hold.end + holds.thanksWithinS))[0];
    const thanked = firstAfter !== undefined && findLexicons(pack, [holds.thanksLexicon], firstAfter) !== null;
    const context = [...(ask ? [ask] : announcements.slice(-1)), ...(agreement ? [agreement] : []), ...(firstAfter ? [firstAfter] : [])];
    const answers = ask ? before.filter((other) => other.utterance.party === 'customer' && other.utterance.start >= ask.utterance.start) : [];
    const refused = answers.some((answer) => findLexicons(pack, [holds.refusalLexicon], answer));
    const gap = () => transcriptGap(pack, before, `in the ${holds.consentLookbackS} s before the hold`);
    const unclearAsk = (lexicons: readonly string[]) => (ask ? null : doubtAbout(pack, lexicons, agentTurnsOf(before)));
    const { attributes, doubts, doubtful } = settleAttributes(
      { consented: agreement !== undefined, duration_stated: durationIn !== undefined, thanked_after: thanked },
      (attribute) => {
        if (attribute === 'thanked_after') return firstAfter ? doubtAbout(pack, [holds.thanksLexicon], [firstAfter]) : null;
        if (attribute === 'duration_stated') {
          const unclear = unclearAsk([holds.askLexicon, holds.announceLexicon]);
          const timedUnclear = unclear?.indexed && findLexicons(pack, [holds.durationLexicon], unclear.indexed) ? { ...unclear, reason: `a time unit where ${unclear.reason}` } : null;
          return gap() ?? doubtAbout(pack, [holds.durationLexicon], announcements) ?? timedUnclear;
        }
        if (refused) return null;
        return gap() ?? (ask ? doubtAbout(pack, [holds.agreementLexicon], answers) : unclearAsk([holds.askLexicon]));
      },
    );
    return { event: { ...hold, ...attributes }, attributes, doubts, evidence: [eventEvidence(hold), ...[...context, ...doubtful].map(utteranceEvidence)] };
  });
}
