/**
 * A result as a deployment with agent sentiment off may serve it: calls analysed before the
 * setting was turned off still hold the agent's scores, and the server must not hand them out.
 * Same shape as analysis with the setting off gives: agent and unknown-party utterances
 * unscored, `sentiment.agent` null.
 */
import type { CallResult } from './call-result.ts';

export function withoutAgentSentiment(result: CallResult): CallResult {
  return {
    ...result,
    utterances: result.utterances.map((utterance) => (utterance.party === 'customer' || utterance.sentiment == null ? utterance : { ...utterance, sentiment: null })),
    ...(result.sentiment && { sentiment: { ...result.sentiment, agent: null } }),
  };
}
