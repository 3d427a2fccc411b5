/**
 * The orchestrator: wires the stages for one recording and returns what they found. Stages
 * never call each other; this file does, and knows nothing of where the outcome goes next
 * (`recordCall` hands it to a writer).
 */
import path from 'node:path';
import type { Effects } from '../core/effects.ts';
import { toCallqaError } from '../core/errors.ts';
import { analyzeAudio, type AudioAnalysis } from './audio/index.ts';
import type { AnalyzeConfig } from './analyze-config.ts';
import { conversationUtterances, loadConversation, sniffConversationFormat, type ConversationFormat } from './conversation/index.ts';
import { ingestRecording, type CallAudio } from './ingest/index.ts';
import { gatherMetadata, type KnownMetadata } from './metadata/index.ts';
import { judgeCall } from './judge-call.ts';
import { diarizeMonoCall, separateParties } from './separate-parties.ts';
import { redactCall } from './redact-call.ts';
import { measureConversation, type MetricsInput } from './metrics/index.ts';
import type { CallEvent, CallRedaction, CallResult, ContactChannel, EventType, Utterance } from './result/call-result.ts';
import { buildCallResult, buildConversationResult, buildErrorResult, type CallJudgement, type CallTranscript, type OkCallResult } from './result/build-result.ts';
import { detectTextLanguage } from './text/detect-language.ts';
import { describeSentiment, loadSentimentClassifier, scoreUtterances } from './text/sentiment/index.ts';
import { findTranscriptSidecar, loadTranscript, transcribeCall } from './transcribe/index.ts';

/** Everything known about a call before it is analysed; nothing is added to the result afterwards. */
export interface CallRequest {
  /** Path of the recording. */
  source: string;
  /** Stereo channel that carries the agent; ignored for mono. */
  agentChannel: 0 | 1;
  /** What the caller knows of the call (an upload's fields, flags): the agent, queue, start time…; the audio does not say. */
  known: KnownMetadata;
  /** A transcript file standing in for speech-to-text; else a sidecar beside the recording, if any. */
  transcriptPath: string | null;
}

export type CallOutcome =
  | { status: 'ok'; result: OkCallResult; stageTimingsMs: Readonly<Record<string, number>> }
  | { status: 'error'; result: CallResult };

async function timed<T>(timings: Record<string, number>, stage: string, effects: Effects, work: () => Promise<T>): Promise<T> {
  const startedMs = effects.now();
  try {
    return await work();
  } finally {
    timings[stage] = effects.now() - startedMs;
  }
}

/** Imported text carries no language: it is told from the words, per utterance and for the call. */
function withTextLanguage(source: string, utterances: readonly Utterance[], config: AnalyzeConfig): CallTranscript {
  const detected = detectTextLanguage(utterances, config.languages);
  return {
    source,
    language: config.forcedLanguage ?? detected.language,
    utterances: utterances.map((utterance, index) => ({ ...utterance, language: detected.utteranceLanguages[index] ?? null })),
  };
}

/** An imported transcript wins over speech-to-text: a phone system's own transcript is what QA already trusts. */
async function obtainTranscript(
  request: CallRequest, audio: CallAudio, acoustics: AudioAnalysis, config: AnalyzeConfig, effects: Effects,
): Promise<CallTranscript> {
  const transcriptFile = request.transcriptPath ?? (await findTranscriptSidecar(audio.probe.source));
  if (transcriptFile) {
    const imported = await loadTranscript(transcriptFile, { recordingDurationS: acoustics.durationS });
    return withTextLanguage(imported.source, imported.utterances, config);
  }
  if (!config.transcription) return { source: null, language: config.forcedLanguage, utterances: [] };
  const speechRegions = audio.partyOfChannel.map((_, channel) =>
    acoustics.speech.segments.filter((segment) => segment.channel === channel).map(({ startS, endS }) => ({ startS, endS })),
  );
  const transcript = await transcribeCall({ audio, speechRegions, partyOfChannel: audio.partyOfChannel }, config.transcription, effects);
  return { source: `model:${transcript.modelId}`, language: transcript.language, utterances: transcript.utterances, droppedChunks: transcript.droppedChunks };
}

/**
 * With a sentiment model installed every utterance gets a model score, which the rules stage
 * then reads instead of its lexicon. With agent sentiment off only the customer's are scored:
 * unknown-party speech (mono, unsplit) may be the agent's, so it is left out too.
 */
async function scoreSentiment(transcript: CallTranscript, config: AnalyzeConfig, effects: Effects): Promise<CallTranscript> {
  if (!config.sentiment || transcript.utterances.length === 0) return transcript;
  const classifier = await loadSentimentClassifier(config.sentiment);
  return { ...transcript, utterances: await scoreUtterances(transcript.utterances, classifier, effects, config.agentSentiment ? {} : { parties: ['customer'] }) };
}

/**
 * The metrics stage reads the audio stage's tracks, speech and events per channel and the
 * transcript; not the judged events, so a rescore, which keeps the metrics, cannot leave them stale.
 */
function metricsInputOf(audio: CallAudio, acoustics: AudioAnalysis, transcript: CallTranscript): MetricsInput {
  const { parties, segments } = acoustics.speech;
  return {
    durationS: acoustics.durationS,
    tracks: acoustics.tracks,
    channels: audio.partyOfChannel.map((party, channel) => ({
      channel,
      party,
      speech: segments.filter((segment) => segment.channel === channel),
      monologues: party === 'unknown' ? null : (parties?.[party].monologues ?? null),
    })),
    utterances: transcript.utterances,
    events: acoustics.speech.events,
  };
}

interface TextFindings {
  transcript: CallTranscript;
  judgement: CallJudgement | null;
  sentiment: ReturnType<typeof describeSentiment>;
  redaction: CallRedaction | null;
}

/** Sentiment, redaction, rules and score over a transcript: the stages a recording and a conversation share. */
async function judgeTranscript(
  transcribed: CallTranscript, channel: ContactChannel, audio: { events: readonly CallEvent[]; eventTypesChecked: readonly EventType[] },
  config: AnalyzeConfig, effects: Effects, timings: Record<string, number>,
): Promise<TextFindings> {
  const scored = await timed(timings, 'sentiment', effects, () => scoreSentiment(transcribed, config, effects));
  const { transcript, redaction } = await timed(timings, 'redact', effects, async () => redactCall(scored, audio.events, config));
  const judgement = await timed(timings, 'rules', effects, async () => judgeCall({
    language: transcript.language, channel, utterances: transcript.utterances, audioEvents: audio.events,
    audioEventTypesChecked: audio.eventTypesChecked, sentimentModelId: config.sentiment?.modelId ?? null,
  }, config, effects));
  return { transcript, judgement, sentiment: describeSentiment(transcript.utterances, { agent: config.agentSentiment }), redaction };
}

/** A chat or e-mail conversation: read in place of ingest, audio and transcription; the text stages as for a call. */
async function analyzeConversation(request: CallRequest, format: ConversationFormat, config: AnalyzeConfig, effects: Effects): Promise<CallOutcome> {
  const timings: Record<string, number> = {};
  let sha256: string | null = null;
  try {
    const conversation = await timed(timings, 'conversation', effects, () => loadConversation(request.source, format));
    sha256 = conversation.sha256;
    // The first message's time is what the file itself says of when the contact took place, as a recorder's tag does.
    const tags = { started_at: conversation.messages[0]!.sentAt };
    const gathered = await timed(timings, 'metadata', effects, () =>
      gatherMetadata({ source: request.source, tags, known: request.known, namePattern: config.namePattern }, effects));
    const transcribed = withTextLanguage(`import:${path.basename(request.source)}`, conversationUtterances(conversation), config);
    const found = await judgeTranscript(transcribed, conversation.channel, { events: [], eventTypesChecked: [] }, config, effects, timings);
    return { status: 'ok', result: buildConversationResult({ ...gathered, conversation, ...found }), stageTimingsMs: timings };
  } catch (thrown) {
    return { status: 'error', result: buildErrorResult(request.source, sha256, toCallqaError(thrown)) };
  }
}

/** Runs every stage over one recording or conversation; failures come back as an error outcome, never thrown. */
export async function analyzeCall(request: CallRequest, config: AnalyzeConfig, effects: Effects): Promise<CallOutcome> {
  const conversationFormat = await sniffConversationFormat(request.source, true);
  if (conversationFormat) return analyzeConversation(request, conversationFormat, config, effects);
  const timings: Record<string, number> = {};
  let audio: CallAudio | undefined;
  try {
    audio = await timed(timings, 'ingest', effects, () => ingestRecording(request.source, { agentChannel: request.agentChannel, maxDurationS: config.maxDurationS }, effects));
    const ingested = audio;
    const gathered = await timed(timings, 'metadata', effects, () =>
      gatherMetadata({ source: request.source, tags: ingested.probe.tags, known: request.known, namePattern: config.namePattern }, effects));
    const heard = await timed(timings, 'audio', effects, () => analyzeAudio(ingested, effects));
    const diarized = await timed(timings, 'diarize', effects, () => diarizeMonoCall(ingested, heard, effects));
    const recognised = await timed(timings, 'transcribe', effects, () => obtainTranscript(request, ingested, heard, config, effects));
    const separated = diarized ? separateParties(diarized, heard, recognised, config.rulePacks) : { acoustics: heard, transcript: recognised, diarization: null };
    const { acoustics, diarization } = separated;
    const found = await judgeTranscript(separated.transcript, 'voice', acoustics.speech, config, effects, timings);
    const metrics = await timed(timings, 'metrics', effects, async () =>
      measureConversation(metricsInputOf(ingested, acoustics, found.transcript)));
    const result = buildCallResult({ ...gathered, agentChannel: request.agentChannel, probe: ingested.probe, acoustics, diarization, ...found, metrics });
    return { status: 'ok', result, stageTimingsMs: timings };
  } catch (thrown) {
    return { status: 'error', result: buildErrorResult(request.source, audio?.probe.sha256 ?? null, toCallqaError(thrown)) };
  }
}
