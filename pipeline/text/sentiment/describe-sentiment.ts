/**
 * How sentiment moved through a call: each party's mean score per fixed time window, and the
 * customer's mood at the start against the end — the question QA asks of a call ("did the
 * agent turn an angry customer around?"), which one mean over the call hides.
 */
import type { CallSentiment, Utterance } from '../../result/call-result.ts';

export interface DescribeSentimentOptions {
  /** Trajectory window length in seconds. */
  windowS?: number;
  /** The customer's start and end are the means over at most this many of their first and last utterances. */
  edgeUtterances?: number;
  /** false: `agent` is null — agent sentiment is off for the deployment, not merely unscored. Default true. */
  agent?: boolean;
}

const defaultWindowS = 30;
const defaultEdgeUtterances = 3;

interface ScoredUtterance {
  start: number;
  end: number;
  score: number;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const meanScore = (scored: readonly ScoredUtterance[]) => (scored.length === 0 ? null : round4(scored.reduce((sum, { score }) => sum + score, 0) / scored.length));

function trajectoryOf(scored: readonly ScoredUtterance[], windowS: number): CallSentiment['customer']['trajectory'] {
  const windows = new Map<number, ScoredUtterance[]>();
  for (const utterance of scored) {
    const index = Math.floor((utterance.start + utterance.end) / 2 / windowS);
    const members = windows.get(index) ?? [];
    members.push(utterance);
    windows.set(index, members);
  }
  return [...windows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, members]) => ({ start: index * windowS, end: (index + 1) * windowS, score: meanScore(members)!, utterances: members.length }));
}

/**
 * Summarises the utterances' model sentiment for the result's `sentiment` field; null when no
 * utterance carries one. Unknown-party speech (mono calls not split into speakers) is left out.
 * The customer's start and end never share an utterance: with fewer than 2 × edgeUtterances
 * scored, each takes half (rounded down), and under two both are null.
 */
export function describeSentiment(utterances: readonly Utterance[], options: DescribeSentimentOptions = {}): CallSentiment | null {
  const windowS = options.windowS ?? defaultWindowS;
  const edgeUtterances = options.edgeUtterances ?? defaultEdgeUtterances;
  if (!utterances.some((utterance) => utterance.sentiment)) return null;
  const scoredOf = (party: Utterance['party']): ScoredUtterance[] =>
    utterances
      .flatMap(({ party: speaker, start, end, sentiment }) => (speaker === party && sentiment ? [{ start, end, score: sentiment.score }] : []))
      .sort((a, b) => a.start - b.start);
  const agent = scoredOf('agent');
  const customer = scoredOf('customer');
  const edge = Math.min(edgeUtterances, Math.floor(customer.length / 2));
  return {
    window_s: windowS,
    edge_utterances: edgeUtterances,
    agent: options.agent === false ? null : { mean: meanScore(agent), trajectory: trajectoryOf(agent, windowS) },
    customer: { mean: meanScore(customer), trajectory: trajectoryOf(customer, windowS) },
    customer_start: edge === 0 ? null : meanScore(customer.slice(0, edge)),
    customer_end: edge === 0 ? null : meanScore(customer.slice(-edge)),
  };
}
