import type { AudioAnalysis, PartyTalk } from '../audio/index.ts';
import type { CallqaError } from '../../core/errors.ts';
import type { Conversation } from '../conversation/index.ts';
import type { RecordingProbe } from '../ingest/index.ts';
import type { CallDiarization, CallEvent, CallMetadata, CallRedaction, CallResult, CallSentiment, ConversationMetrics, DroppedChunk, EventType, JudgementVersions, Language, RuleResult, Utterance } from './call-result.ts';

export type OkCallResult = CallResult & { status: 'ok'; call_id: string; sha256: string };

/** A call's id is a prefix of its content hash, so the same bytes are always the same call. */
export function callIdOf(sha256: string): string {
  return sha256.slice(0, 16);
}

const emptyFindings = {
  language: null,
  agent_id: null,
  parties: null,
  silence_s: null,
  overlap_s: null,
  transcript_source: null,
  utterances: [],
  event_types_checked: [],
  events: [],
  statements: null,
  rules: [],
  sentiment_source: null,
  score: null,
} satisfies Partial<CallResult>;

/** What the transcript step settled: the utterances, where they came from, and the call's language. */
export interface CallTranscript {
  source: string | null;
  language: Language | null;
  utterances: Utterance[];
  /** Speech-to-text only: chunks its decoding guards dropped. */
  droppedChunks?: DroppedChunk[];
}

/** What the rules and score stages concluded, with the events they reviewed and added. */
export interface CallJudgement {
  rules: RuleResult[];
  statements: { agent: { i: number; you: number } };
  events: CallEvent[];
  eventTypesChecked: EventType[];
  sentimentSource: string;
  score: number | null;
  versions: JudgementVersions;
}

/** The result's fields a judgement sets: what a rescore replaces, and nothing else. */
export function judgedFields(judgement: CallJudgement): Pick<OkCallResult, 'event_types_checked' | 'events' | 'statements' | 'rules' | 'sentiment_source' | 'score' | 'versions'> {
  return {
    event_types_checked: judgement.eventTypesChecked,
    events: judgement.events,
    statements: judgement.statements,
    rules: judgement.rules,
    sentiment_source: judgement.sentimentSource,
    score: judgement.score,
    versions: judgement.versions,
  };
}

export interface CallFindings {
  /** Known besides the audio: who the agent is, which stereo channel carries them, when and where the call was. */
  agentId: string | null;
  agentChannel: 0 | 1;
  metadata: CallMetadata;
  probe: RecordingProbe;
  /** The per-frame tracks are read by the metrics stage, never stored. */
  acoustics: Omit<AudioAnalysis, 'tracks'>;
  /** Absent or null for a call with a channel per party. */
  diarization?: CallDiarization | null;
  transcript: CallTranscript;
  /** null when there was nothing to judge (no transcript, or no pack for its language). */
  judgement: CallJudgement | null;
  /** null when no utterance carries a model's sentiment score. */
  sentiment: CallSentiment | null;
  /** null or absent when redaction is off. */
  redaction?: CallRedaction | null;
  /** null when the metrics stage did not run. */
  metrics: ConversationMetrics | null;
}

function toPartyStats(talk: PartyTalk): NonNullable<CallResult['parties']>['agent'] {
  return { channel: talk.channel, talk_s: talk.talkS, talk_listen_ratio: talk.talkListenRatio, longest_monologue_s: talk.longestMonologueS };
}

/** Assembles the callqa.call/1 object; fields of stages that have not run stay null or empty. */
export function buildCallResult({ agentId, agentChannel, metadata, probe, acoustics, diarization, transcript, judgement, sentiment, redaction, metrics }: CallFindings): OkCallResult {
  const { speech } = acoustics;
  return {
    schema: 'callqa.call/1',
    call_id: callIdOf(probe.sha256),
    source: probe.source,
    sha256: probe.sha256,
    status: 'ok',
    channel: 'voice',
    container: probe.container,
    codec: probe.codec,
    duration_s: Math.round(acoustics.durationS * 1000) / 1000,
    channels: probe.channels,
    sample_rate: probe.sampleRateHz,
    size_bytes: probe.sizeBytes,
    agent_channel: probe.channels === 2 ? agentChannel : null,
    channel_levels: acoustics.channelLevels,
    speech_segments: speech.segments.map(({ channel, party, startS, endS }) => ({ start: startS, end: endS, channel, party })),
    ...emptyFindings,
    agent_id: agentId,
    metadata,
    language: transcript.language,
    ...(diarization && { diarization }),
    parties: speech.parties && { agent: toPartyStats(speech.parties.agent), customer: toPartyStats(speech.parties.customer) },
    silence_s: speech.silenceS,
    overlap_s: speech.overlapS,
    transcript_source: transcript.source,
    utterances: transcript.utterances,
    ...(transcript.droppedChunks && { transcription: { dropped_chunks: transcript.droppedChunks } }),
    event_types_checked: speech.eventTypesChecked,
    events: speech.events,
    audio_event_types_checked: speech.eventTypesChecked,
    ...(judgement && judgedFields(judgement)),
    ...(sentiment && { sentiment }),
    ...(redaction && { redaction }),
    ...(metrics && { metrics }),
  };
}

export interface ConversationFindings extends Pick<CallFindings, 'agentId' | 'metadata' | 'transcript' | 'judgement' | 'sentiment' | 'redaction'> {
  conversation: Conversation;
}

/** The callqa.call/1 object of a chat or e-mail conversation: no audio, so every acoustic field is null or empty. */
export function buildConversationResult({ agentId, metadata, conversation, transcript, judgement, sentiment, redaction }: ConversationFindings): OkCallResult {
  return {
    schema: 'callqa.call/1',
    call_id: callIdOf(conversation.sha256),
    source: conversation.source,
    sha256: conversation.sha256,
    status: 'ok',
    channel: conversation.channel,
    container: conversation.format,
    codec: null,
    duration_s: transcript.utterances.at(-1)?.start ?? 0,
    channels: null,
    sample_rate: null,
    size_bytes: conversation.sizeBytes,
    agent_channel: null,
    channel_levels: [],
    speech_segments: [],
    ...emptyFindings,
    agent_id: agentId,
    metadata,
    language: transcript.language,
    transcript_source: transcript.source,
    utterances: transcript.utterances,
    audio_event_types_checked: [],
    ...(judgement && judgedFields(judgement)),
    ...(sentiment && { sentiment }),
    ...(redaction && { redaction }),
  };
}

export function buildErrorResult(source: string, sha256: string | null, error: CallqaError): CallResult {
  return {
    schema: 'callqa.call/1',
    call_id: sha256 ? callIdOf(sha256) : null,
    source,
    sha256,
    status: 'error',
    error: { code: error.code, message: error.message },
    container: null,
    codec: null,
    duration_s: null,
    channels: null,
    sample_rate: null,
    channel_levels: [],
    ...emptyFindings,
  };
}
