/**
 * The transcript search language, read into clauses an utterance must all satisfy:
 * words (`счёт` — any inflection, by stem), `"quoted phrases"` (the words at consecutive
 * positions), `word NEAR/n word` (both within n words of each other, either order) and
 * `party:agent` / `party:customer`. `NEAR` is upper case, as in SQLite FTS5, so "near" is a word.
 */
import { CallqaError } from '../../core/errors.ts';
import { findWords } from '../../pipeline/rules/normalize.ts';
import { searchLimits } from './search-terms.ts';

export type SearchParty = 'agent' | 'customer';

/** Normalised words at consecutive positions; a single word is a phrase of one. */
export interface PhraseClause {
  kind: 'phrase';
  words: string[];
}

export interface NearClause {
  kind: 'near';
  left: string;
  right: string;
  distance: number;
}

export type SearchClause = PhraseClause | NearClause;

export interface SearchQuery {
  clauses: SearchClause[];
  party: SearchParty | null;
}

const tokenPattern = /"([^"]*)"|\bparty:(\S*)|\bNEAR\/(\S*)|(\S+)/g;

function invalid(query: string, problem: string): CallqaError {
  return new CallqaError('CQA_ERR_SEARCH_QUERY_INVALID',
    `search query ${JSON.stringify(query)}: ${problem}; write words, "a phrase", word NEAR/3 word or party:agent|customer`);
}

/** Reads a query; a malformed one is refused with the part that is wrong, never half-run. */
export function parseSearchQuery(query: string): SearchQuery {
  if ((query.match(/"/g) ?? []).length % 2 === 1) throw invalid(query, 'a quote is not closed');
  const clauses: SearchClause[] = [];
  let party: SearchParty | null = null;
  let pendingNear: number | null = null;
  for (const [, phrase, partyName, nearDistance, bare] of query.matchAll(tokenPattern)) {
    if (partyName !== undefined) {
      if (partyName !== 'agent' && partyName !== 'customer') throw invalid(query, `party:${partyName} is neither party:agent nor party:customer`);
      party = partyName;
      continue;
    }
    if (nearDistance !== undefined) {
      const distance = Number(nearDistance);
      if (!/^\d+$/.test(nearDistance) || distance < 1 || distance > searchLimits.maxNearDistance) {
        throw invalid(query, `NEAR/${nearDistance} needs a distance from 1 to ${searchLimits.maxNearDistance} words`);
      }
      const left = clauses.at(-1);
      if (pendingNear !== null || left?.kind !== 'phrase' || left.words.length !== 1) throw invalid(query, `NEAR/${nearDistance} needs a single word before it`);
      pendingNear = distance;
      continue;
    }
    const words = findWords(phrase ?? bare ?? '').map((word) => word.norm);
    if (words.length === 0) continue;
    if (pendingNear !== null) {
      if (phrase !== undefined && words.length > 1) throw invalid(query, `NEAR/${pendingNear} needs a single word after it, not a phrase`);
      const left = clauses.pop() as PhraseClause;
      clauses.push({ kind: 'near', left: left.words[0]!, right: words[0]!, distance: pendingNear });
      clauses.push(...words.slice(1).map((word): PhraseClause => ({ kind: 'phrase', words: [word] })));
      pendingNear = null;
      continue;
    }
    if (phrase !== undefined) clauses.push({ kind: 'phrase', words });
    else clauses.push(...words.map((word): PhraseClause => ({ kind: 'phrase', words: [word] })));
  }
  if (pendingNear !== null) throw invalid(query, `NEAR/${pendingNear} needs a word after it`);
  if (clauses.length === 0) throw invalid(query, 'it has no word to look for');
  const wordCount = clauses.reduce((sum, clause) => sum + (clause.kind === 'near' ? 2 : clause.words.length), 0);
  if (wordCount > searchLimits.maxQueryWords) throw invalid(query, `it has ${wordCount} words, more than the ${searchLimits.maxQueryWords} a query may have`);
  return { clauses, party };
}
