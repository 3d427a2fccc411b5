/**
 * The orchestrator: wires the stages for one recording and returns what they found. Stages
 * never call each other; this file does, and knows nothing of where the outcome goes next
 * (`recordCall` hands it to a writer).
 */
import type { Effects } from '../core/effects.ts';
import { toCallqaError } from '../core/errors.ts';
import { analyzeAudio, type AudioAnalysis } from './audio/index.ts';
import type { AnalyzeConfig } from './analyze-config.ts';
import { ingestRecording, type CallAudio } from './ingest/index.ts';
import { gatherMetadata, type KnownMetadata } from './metadata/index.ts';
import { judgeCall } from './judge-call.ts';
import { diarizeMonoCall, separateParties } from './separate-parties.ts';
import type { CallResult } from './result/call-result.ts';
import { buildCallResult, buildErrorResult, type CallTranscript, type OkCallResult } from './result/build-result.ts';
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

/** An imported transcript wins over speech-to-text: a phone system's own transcript is what QA already trusts. */
async function obtainTranscript(
  request: CallRequest, audio: CallAudio, acoustics: AudioAnalysis, config: AnalyzeConfig, effects: Effects,
): Promise<CallTranscript> {
  const transcriptFile = request.transcriptPath ?? (await findTranscriptSidecar(audio.probe.source));
  if (transcriptFile) {
    const imported = await loadTranscript(transcriptFile, { recordingDurationS: acoustics.durationS });
    const detected = detectTextLanguage(imported.utterances, config.languages);
    const utterances = imported.utterances.map((utterance, index) => ({ ...utterance, language: detected.utteranceLanguages[index] ?? null }));
    return { source: imported.source, language: config.forcedLanguage ?? detected.language, utterances };
  }
  if (!config.transcription) return { source: null, language: config.forcedLanguage, utterances: [] };
  const speechRegions = audio.partyOfChannel.map((_, channel) =>
    acoustics.speech.segments.filter((segment) => segment.channel === channel).map(({ startS, endS }) => ({ startS, endS })),
  );
  const transcript = await transcribeCall({ audio, speechRegions, partyOfChannel: audio.partyOfChannel }, config.transcription, effects);
  return { source: `model:${transcript.modelId}`, language: transcript.language, utterances: transcript.utterances };
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

/** Runs every stage over one recording; failures come back as an error outcome, never thrown. */
export async function analyzeCall(request: CallRequest, config: AnalyzeConfig, effects: Effects): Promise<CallOutcome> {
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
    const transcript = await timed(timings, 'sentiment', effects, () => scoreSentiment(separated.transcript, config, effects));
    const judgement = await timed(timings, 'rules', effects, async () => judgeCall({
      language: transcript.language, utterances: transcript.utterances, audioEvents: acoustics.speech.events,
      audioEventTypesChecked: acoustics.speech.eventTypesChecked, sentimentModelId: config.sentiment?.modelId ?? null,
    }, config, effects));
    const sentiment = describeSentiment(transcript.utterances, { agent: config.agentSentiment });
    const result = buildCallResult({ ...gathered, agentChannel: request.agentChannel, probe: ingested.probe, acoustics, diarization, transcript, judgement, sentiment });
    return { status: 'ok', result, stageTimingsMs: timings };
  } catch (thrown) {
    return { status: 'error', result: buildErrorResult(request.source, audio?.probe.sha256 ?? null, toCallqaError(thrown)) };
  }
}
