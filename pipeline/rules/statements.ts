/**
 * I- versus you-statements (G8). Counts the agent's declarative clauses framed around the
 * agent ("I can't…", "Мне нужно…", "проверю", "megnézem") and around the customer ("You will
 * receive…", "Вам придёт…", "Ön megkapja"). Questions, request clauses (please + imperative)
 * and fixed formulas ("I'm sorry", "Понимаю", "Köszönöm") do not count. A clause is a stretch
 * of a sentence between commas, colons, dashes or the pack's clause breakers; it counts at
 * most once for each side (a clause can count for both: "I think you misread").
 */
import type { IndexedToken, IndexedUtterance } from './call-text.ts';
import { findLexiconPhrase } from './phrase-matcher.ts';
import type { RulePack, StatementMarkers } from './rule-pack.ts';

export interface StatementCounts {
  i: number;
  you: number;
  /** Utterances holding the counted I- and you-clauses. */
  iEvidence: readonly IndexedUtterance[];
  youEvidence: readonly IndexedUtterance[];
}

const masked: IndexedToken = { surface: '', norm: '', stem: '', afterPause: false };

/** Replaces every token covered by a formula with a blank, so it neither counts nor joins a phrase. */
function maskFormulas(tokens: readonly IndexedToken[], pack: RulePack): IndexedToken[] {
  const result = [...tokens];
  for (let guard = 0; guard < tokens.length; guard += 1) {
    const match = findLexiconPhrase(pack.statements.formulas, result);
    if (!match) break;
    result.fill(masked, match.firstToken, match.lastToken + 1);
  }
  return result;
}

function splitClauses(tokens: readonly IndexedToken[], breakers: ReadonlySet<string>): IndexedToken[][] {
  const clauses: IndexedToken[][] = [[]];
  for (const token of tokens) {
    if (token.afterPause || breakers.has(token.norm)) clauses.push([]);
    if (token.norm !== '' && !breakers.has(token.norm)) clauses.at(-1)?.push(token);
  }
  return clauses.filter((clause) => clause.length > 0);
}

function isFramedBy(clause: readonly IndexedToken[], markers: StatementMarkers): boolean {
  return clause.some((token, index) =>
    markers.words.has(token.norm)
    || (index === 0 && markers.clauseInitialWords.has(token.norm))
    || (!markers.exceptions.has(token.norm) && (markers.patterns.some((pattern) => pattern.test(token.norm))
      || (index === 0 && markers.clauseInitialPatterns.some((pattern) => pattern.test(token.norm))))));
}

const hasObjectWord = (clause: readonly IndexedToken[], markers: StatementMarkers) => clause.some((token) => markers.objectWords.has(token.norm));

/** Counts I- and you-clauses in the agent's utterances (backchannels excluded). */
export function countStatements(utterances: readonly IndexedUtterance[], pack: RulePack): StatementCounts {
  const { statements } = pack;
  const iEvidence: IndexedUtterance[] = [];
  const youEvidence: IndexedUtterance[] = [];
  let i = 0;
  let you = 0;
  for (const indexed of utterances) {
    if (indexed.utterance.party !== 'agent' || indexed.isBackchannel) continue;
    const before = { i, you };
    for (const sentence of indexed.sentences) {
      if (sentence.isQuestion) continue;
      for (const clause of splitClauses(maskFormulas(sentence.tokens, pack), statements.clauseBreakers)) {
        if (findLexiconPhrase(statements.requests, clause)) continue;
        const byI = isFramedBy(clause, statements.i);
        const byYou = isFramedBy(clause, statements.you);
        // "Elküldöm Önnek": the customer as the object of the agent's verb is the agent's clause.
        if (byI || (!byYou && hasObjectWord(clause, statements.i))) i += 1;
        if (byYou || (!byI && hasObjectWord(clause, statements.you))) you += 1;
      }
    }
    if (i > before.i) iEvidence.push(indexed);
    if (you > before.you) youEvidence.push(indexed);
  }
  return { i, you, iEvidence, youEvidence };
}
