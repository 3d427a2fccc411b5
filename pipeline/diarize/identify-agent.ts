/**
 * Which of the two speakers is the agent: evidence for one speaker or the other, each worth a
 * log-odds weight (diarize-thresholds.json, section `agent`), summed into the probability that
 * speaker A is the agent. Below `agent.minConfidence` either way the agent is unknown: a wrong
 * guess would put the customer's words under the agent's rules.
 */
import type { Interval } from '../audio/index.ts';
import type { AgentEvidenceKind, SpeakerId } from '../result/call-result.ts';
import type { SpeakerTurn } from './diarization.ts';
import type { DiarizeThresholds } from './thresholds.ts';

export interface AgentEvidence {
  kind: AgentEvidenceKind;
  /** The speaker this evidence says is the agent. */
  speaker: SpeakerId;
  logOdds: number;
}

export interface AgentIdentification {
  /** null: unknown, the evidence is too weak. */
  speaker: SpeakerId | null;
  /** Probability that `speaker` (when null, the likelier speaker) is the agent. */
  confidence: number;
  evidence: AgentEvidence[];
}

/** What besides the turns speaks to who the agent is. */
export interface AgentClues {
  /** Holds found by the audio stage: the agent comes back from a hold first. */
  holds: readonly Interval[];
  /** The speaker whose first words are more of an agent's opening (greeting, thanks, self-introduction) than the other's; null without a transcript or on a tie. */
  greeter: SpeakerId | null;
}

/** The first speaker after each hold: the agent comes back ("thank you for holding"); the customer, who agreed to it, often speaks last before it. */
function holdReturners(turns: readonly SpeakerTurn[], holds: readonly Interval[]): SpeakerId[] {
  return holds.flatMap((hold) => turns.find((turn) => turn.startS >= hold.endS - 0.5)?.speaker ?? []);
}

/** Weighs the clues; see the file comment. */
export function identifyAgent(turns: readonly SpeakerTurn[], clues: AgentClues, weights: DiarizeThresholds['agent']): AgentIdentification {
  const speakers = new Set(turns.map((turn) => turn.speaker));
  if (speakers.size < 2) return { speaker: null, confidence: 0.5, evidence: [] };
  const evidence: AgentEvidence[] = [];
  const first = turns[0];
  if (first) evidence.push({ kind: 'first-speaker', speaker: first.speaker, logOdds: weights.firstSpeakerWeight });
  for (const speaker of holdReturners(turns, clues.holds)) evidence.push({ kind: 'hold', speaker, logOdds: weights.holdWeight });
  if (clues.greeter) evidence.push({ kind: 'greeting', speaker: clues.greeter, logOdds: weights.greetingWeight });
  const logOddsA = evidence.reduce((sum, item) => sum + (item.speaker === 'A' ? item.logOdds : -item.logOdds), 0);
  const likelier: SpeakerId = logOddsA >= 0 ? 'A' : 'B';
  const confidence = 1 / (1 + Math.exp(-Math.abs(logOddsA)));
  const speaker = confidence >= weights.minConfidence ? likelier : null;
  return { speaker, confidence: Math.round(confidence * 1000) / 1000, evidence };
}
