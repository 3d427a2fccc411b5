/**
 * The transcript as the rules read it: each utterance split into sentences of normalized,
 * stemmed tokens read as speech (spoken-text.ts: fillers, repeats, numbers), backchannels marked, and consecutive utterances of one party joined into
 * turns ("the agent's first turn", "the answer to a question").
 */
import type { CallEvent, Utterance } from '../result/call-result.ts';
import { findLexiconPhrase, type MatchToken } from './phrase-matcher.ts';
import { splitSentences } from './normalize.ts';
import type { RulePack } from './rule-pack.ts';
import { readSpokenSentence, type SpokenToken } from './spoken-text.ts';
import { createStemmer } from './stem.ts';

export type IndexedToken = SpokenToken & MatchToken;

export interface IndexedSentence {
  tokens: readonly IndexedToken[];
  isQuestion: boolean;
}

export interface IndexedUtterance {
  utterance: Utterance;
  sentences: readonly IndexedSentence[];
  wordCount: number;
  /** A listener sound ("mm-hmm") rather than a turn of its own. */
  isBackchannel: boolean;
}

export type SpeakingParty = 'agent' | 'customer';

export interface Turn {
  party: SpeakingParty;
  utterances: readonly IndexedUtterance[];
  start: number;
  end: number;
  wordCount: number;
}

export interface CallText {
  /** Sorted by start time. */
  utterances: readonly IndexedUtterance[];
  turns: readonly Turn[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function isBackchannel(indexed: Omit<IndexedUtterance, 'isBackchannel'>, events: readonly CallEvent[], pack: RulePack): boolean {
  if (indexed.wordCount === 0 || indexed.wordCount > pack.backchannel.maxWords) return false;
  const { utterance } = indexed;
  const flagged = events.some((event) => event.type === 'backchannel' && event.by === utterance.party && overlaps(event, utterance));
  const lexicon = pack.lexicons[pack.backchannel.lexicon] ?? [];
  // Without an acoustic event, every word must be a listener sound: "Yes." may be an answer.
  const allListenerSounds = indexed.sentences.every((sentence) => sentence.tokens.every((token) => findLexiconPhrase(lexicon, [token]) !== null));
  return flagged || allListenerSounds;
}

function joinTurns(utterances: readonly IndexedUtterance[]): Turn[] {
  const turns: Turn[] = [];
  for (const indexed of utterances) {
    const { party } = indexed.utterance;
    if (indexed.isBackchannel || (party !== 'agent' && party !== 'customer')) continue;
    const last = turns.at(-1);
    if (last && last.party === party) {
      turns[turns.length - 1] = {
        ...last,
        utterances: [...last.utterances, indexed],
        end: Math.max(last.end, indexed.utterance.end),
        wordCount: last.wordCount + indexed.wordCount,
      };
    } else {
      turns.push({ party, utterances: [indexed], start: indexed.utterance.start, end: indexed.utterance.end, wordCount: indexed.wordCount });
    }
  }
  return turns;
}

/** Indexes a transcript for rule evaluation; `events` only serve to spot backchannels. */
export function indexCallText(utterances: readonly Utterance[], events: readonly CallEvent[], pack: RulePack): CallText {
  const stem = createStemmer(pack.stemmer);
  const indexed = [...utterances]
    .sort((a, b) => a.start - b.start)
    .map((utterance) => {
      const sentences = splitSentences(utterance.text).map((sentence) => readSpokenSentence(sentence, pack.speech)).map((sentence) => ({
        isQuestion: sentence.isQuestion,
        tokens: sentence.tokens.map((token) => ({ ...token, stem: stem(token.norm) })),
      }));
      const wordCount = sentences.reduce((sum, sentence) => sum + sentence.tokens.length, 0);
      const base = { utterance, sentences, wordCount };
      return { ...base, isBackchannel: isBackchannel(base, events, pack) };
    });
  return { utterances: indexed, turns: joinTurns(indexed) };
}
