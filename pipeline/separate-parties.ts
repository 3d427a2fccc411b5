/**
 * The parties of a call recorded on one channel, wired between the stages: the diarize stage
 * tells two speakers apart after the audio stage, and once the transcript is in, the agent is
 * identified (identify-agent.ts), the utterances are given to parties and the audio stage's
 * figures and events are described again per party. Stereo calls pass through untouched.
 */
import type { Effects } from '../core/effects.ts';
import { chooseAnalysisRate, describeDiarizedSpeech, defaultAudioThresholds, type AudioAnalysis, type Interval } from './audio/index.ts';
import { assignUtterancesToParties, diarizeChannel, identifyAgent, defaultDiarizeThresholds, type AgentIdentification, type Diarization, type PartyTurn } from './diarize/index.ts';
import type { CallAudio } from './ingest/index.ts';
import type { CallTranscript } from './result/build-result.ts';
import type { CallDiarization, Language, Party, SpeakerId, Utterance } from './result/call-result.ts';
import { detectConcept, type RulePack } from './rules/index.ts';

/** Diarizes a mono call's only channel over the audio stage's speech; null for a call with a channel per party. */
export async function diarizeMonoCall(audio: CallAudio, acoustics: AudioAnalysis, effects: Effects): Promise<Diarization | null> {
  if (audio.probe.channels !== 1) return null;
  const speech = acoustics.speech.segments.filter((segment) => segment.channel === 0).map(({ startS, endS }): Interval => ({ startS, endS }));
  return diarizeChannel(audio, 0, speech, chooseAnalysisRate(audio.probe.sampleRateHz), effects);
}

const partyOfSpeaker = (agent: AgentIdentification, speaker: SpeakerId): Party => (agent.speaker === null ? 'unknown' : agent.speaker === speaker ? 'agent' : 'customer');

const openingConcepts = ['greeting', 'thanks-opening', 'self-intro'] as const;

/**
 * The speaker whose first utterance carries more of an agent's opening (greeting, thanks,
 * self-introduction, as the language's rule pack reads them) than the other's: a customer's
 * "Hi, …" is a greeting too, the agent's formula is all three.
 */
function findGreeter(utterances: readonly Utterance[], turns: Diarization['turns'], pack: RulePack | undefined): SpeakerId | null {
  if (!pack) return null;
  // Parties stand in for speakers here: A as "agent", B as "customer".
  const bySpeaker = assignUtterancesToParties(utterances.map((utterance) => ({ ...utterance, party: 'unknown' })), turns.map((turn) => ({ ...turn, party: turn.speaker === 'A' ? 'agent' : 'customer' })));
  const [a, b] = (['agent', 'customer'] as const).map((stand) => {
    const first = bySpeaker.find((utterance) => utterance.party === stand);
    return first ? openingConcepts.filter((concept) => detectConcept(pack, concept, 'agent', first.text)).length : 0;
  }) as [number, number];
  return a === b ? null : a > b ? 'A' : 'B';
}

export interface SeparatedParties {
  acoustics: AudioAnalysis;
  transcript: CallTranscript;
  diarization: CallDiarization;
}

/** The result's view of a diarization and its agent. */
function describeDiarization(diarization: Diarization, agent: AgentIdentification, channel: number): CallDiarization {
  const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
  const speakers = (['A', 'B'] as const).filter((speaker) => diarization.turns.some((turn) => turn.speaker === speaker));
  return {
    source: diarization.source,
    channel,
    overlaps_visible: diarization.overlapsVisible,
    speakers: speakers.map((id) => ({
      id,
      party: partyOfSpeaker(agent, id),
      talk_s: round(diarization.turns.filter((turn) => turn.speaker === id).reduce((sum, turn) => sum + turn.endS - turn.startS, 0)),
    })),
    agent: {
      speaker: agent.speaker,
      confidence: agent.confidence,
      evidence: agent.evidence.map(({ kind, speaker, logOdds }) => ({ kind, speaker, log_odds: logOdds })),
    },
    turns: diarization.turns.map(({ startS, endS, speaker }) => ({ start: round(startS), end: round(endS), speaker })),
  };
}

/**
 * Names the agent among the diarized speakers and gives the call's speech and utterances to
 * parties; with the agent unknown, segments and utterances stay "unknown" and talk figures null.
 */
export function separateParties(
  diarization: Diarization, acoustics: AudioAnalysis, transcript: CallTranscript, rulePacks: ReadonlyMap<Language, RulePack>,
): SeparatedParties {
  const holds = acoustics.speech.events.filter((event) => event.type === 'hold').map((event): Interval => ({ startS: event.start, endS: event.end }));
  const pack = transcript.language ? rulePacks.get(transcript.language) : undefined;
  const agent = identifyAgent(diarization.turns, { holds, greeter: findGreeter(transcript.utterances, diarization.turns, pack) }, defaultDiarizeThresholds.agent);
  const channel = 0;
  const described = describeDiarization(diarization, agent, channel);
  if (agent.speaker === null) return { acoustics, transcript, diarization: described };
  const turns: PartyTurn[] = diarization.turns.map((turn) => ({ startS: turn.startS, endS: turn.endS, party: partyOfSpeaker(agent, turn.speaker) }));
  const speechOf = { agent: turns.filter((turn) => turn.party === 'agent'), customer: turns.filter((turn) => turn.party === 'customer') };
  return {
    acoustics: { ...acoustics, speech: describeDiarizedSpeech(acoustics.speech, { channel, speechOf, overlapsVisible: diarization.overlapsVisible }, defaultAudioThresholds) },
    transcript: { ...transcript, utterances: assignUtterancesToParties(transcript.utterances, turns) },
    diarization: described,
  };
}
