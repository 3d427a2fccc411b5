/**
 * Evidence spans: the utterances (or, where nothing was said, the stretch of the call) that
 * justify a rule result, so a QA specialist can jump to them and listen.
 */
import type { CallEvent, RuleResult } from '../result/call-result.ts';
import type { IndexedUtterance } from './call-text.ts';

export type Evidence = RuleResult['evidence'][number];

export function utteranceEvidence(indexed: IndexedUtterance): Evidence {
  const { start, end, party, text } = indexed.utterance;
  return { start, end, party, text };
}

/** An event span as evidence; `party` is "unknown" because nobody speaks in it. */
export function eventEvidence(event: CallEvent): Evidence {
  const lengthS = (event.end - event.start).toFixed(1);
  const detail = event.type === 'hold' ? `hold (${event.kind}), ${lengthS} s` : `${event.type.replace('_', ' ')}, ${lengthS} s`;
  return { start: event.start, end: event.end, party: 'unknown', text: `[${detail}]` };
}

/** Evidence in time order without duplicates. */
export function sortEvidence(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return [...evidence]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((item) => {
      const key = `${item.start}|${item.end}|${item.party}|${item.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
