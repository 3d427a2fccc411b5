/**
 * Utterances of a mono call given to the party whose turns they fall in. An utterance that
 * spans a change of speaker is cut there when its words carry times (Whisper's do), else it
 * goes whole to the party that speaks most of it.
 */
import { intersectIntervals, totalDurationS, type Interval } from '../audio/index.ts';
import type { Party, Utterance } from '../result/call-result.ts';

export type PartyTurn = Interval & { party: Party };

function partyMostIn(span: Interval, turns: readonly PartyTurn[], fallback: Party): Party {
  let best: { party: Party; seconds: number } = { party: fallback, seconds: 0 };
  for (const party of ['agent', 'customer'] as const) {
    const seconds = totalDurationS(intersectIntervals([span], turns.filter((turn) => turn.party === party)));
    if (seconds > best.seconds) best = { party, seconds };
  }
  return best.party;
}

function spanOf(item: { start: number; end: number }): Interval {
  return { startS: item.start, endS: Math.max(item.start, item.end) };
}

/** One utterance, cut into runs of words of one party when its words are timed. */
function assignOne(utterance: Utterance, turns: readonly PartyTurn[]): Utterance[] {
  const words = utterance.words ?? [];
  if (words.length < 2) return [{ ...utterance, party: partyMostIn(spanOf(utterance), turns, utterance.party) }];
  const runs: Array<{ party: Party; words: typeof words }> = [];
  for (const word of words) {
    const party = partyMostIn(spanOf(word), turns, runs.at(-1)?.party ?? utterance.party);
    const last = runs.at(-1);
    if (last && last.party === party) last.words.push(word);
    else runs.push({ party, words: [word] });
  }
  return runs.map(({ party, words: runWords }) => ({
    ...utterance,
    party,
    start: runWords[0]!.start,
    end: runWords.at(-1)!.end,
    text: runWords.map((word) => word.text.trim()).join(' '),
    words: runWords,
  }));
}

/** Every utterance whose party is unknown, given to a party from `turns`; others are kept as they are. */
export function assignUtterancesToParties(utterances: readonly Utterance[], turns: readonly PartyTurn[]): Utterance[] {
  return utterances.flatMap((utterance) => (utterance.party === 'unknown' ? assignOne(utterance, turns) : [utterance]));
}
