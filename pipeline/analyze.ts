/**
 * The orchestrator: wires the stages for one recording and hands the result to the store.
 * Stages never call each other or the database; only this file does.
 */
import { analyzeAudio, type AudioAnalysis } from './audio/index.ts';
import type { AnalyzeConfig } from './analyze-config.ts';
import type { Effects } from '../core/effects.ts';
import { toCallqaError } from '../core/errors.ts';
import { ingestRecording, type CallAudio } from './ingest/index.ts';
import type { CallResult, EventType, Language, Utterance } from './result/call-result.ts';
import { buildCallResult, buildErrorResult, type CallJudgement, type CallTranscript } from './result/build-result.ts';
import { evaluateRules } from './rules/index.ts';
import { scoreCall } from './score/index.ts';
import type { SpeechSegmentRow, StoredCall } from '../store/index.ts';
import { detectTextLanguage } from './text/detect-language.ts';
import { describeSentiment, loadSentimentClassifier, scoreUtterances } from './text/sentiment/index.ts';
import { findTranscriptSidecar, loadTranscript, transcribeCall } from './transcribe/index.ts';

export type AnalysedCall =
  | { status: 'ok'; result: StoredCall['result']; stored: Omit<StoredCall, 'runId'> }
  | { status: 'error'; result: CallResult; sha256: string | null };

async function timed<T>(timings: Record<string, number>, stage: string, effects: Effects, work: () => Promise<T>): Promise<T> {
  const startedMs = effects.now();
  try {
    return await work();
  } finally {
    timings[stage] = effects.now() - startedMs;
  }
}

/** An imported transcript wins over speech-to-text: a phone system's own transcript is what QA already trusts. */
async function obtainTranscript(audio: CallAudio, acoustics: AudioAnalysis, config: AnalyzeConfig, effects: Effects): Promise<CallTranscript> {
  const transcriptFile = config.transcriptPath ?? (await findTranscriptSidecar(audio.probe.source));
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

/** With a sentiment model installed every utterance gets a model score, which the rules stage then reads instead of its lexicon. */
async function scoreSentiment(transcript: CallTranscript, config: AnalyzeConfig, effects: Effects): Promise<CallTranscript> {
  if (!config.sentiment || transcript.utterances.length === 0) return transcript;
  const classifier = await loadSentimentClassifier(config.sentiment);
  return { ...transcript, utterances: await scoreUtterances(transcript.utterances, classifier, effects) };
}

function judgeCall(language: Language | null, utterances: Utterance[], acoustics: AudioAnalysis, config: AnalyzeConfig, effects: Effects): CallJudgement | null {
  const pack = language && config.rulePacks.get(language);
  if (!language || !pack || utterances.length === 0) return null;
  const judged = evaluateRules(
    { language, utterances, events: acoustics.speech.events, eventTypesChecked: acoustics.speech.eventTypesChecked },
    pack,
    effects,
  );
  // The rules stage looks for transfers (and, without acoustic holds, holds) in the transcript.
  const eventTypesChecked: EventType[] = [...new Set<EventType>([...acoustics.speech.eventTypesChecked, 'hold', 'transfer'])];
  // The rules stage only knows whether utterances carried sentiment; the result names the model that gave it.
  const sentimentSource = judged.sentimentSource === 'utterance-sentiment' && config.sentiment ? `model:${config.sentiment.modelId}` : judged.sentimentSource;
  return { ...judged, eventTypesChecked, sentimentSource, score: scoreCall(judged.rules, config.scorecard).score };
}

/** Runs every stage over one recording; failures come back as an error result, never thrown. */
export async function analyzeCall(source: string, config: AnalyzeConfig, effects: Effects): Promise<AnalysedCall> {
  const timings: Record<string, number> = {};
  let audio: CallAudio | undefined;
  try {
    audio = await timed(timings, 'ingest', effects, () => ingestRecording(source, config, effects));
    const ingested = audio;
    const acoustics = await timed(timings, 'audio', effects, () => analyzeAudio(ingested, effects));
    const transcribed = await timed(timings, 'transcribe', effects, () => obtainTranscript(ingested, acoustics, config, effects));
    const transcript = await timed(timings, 'sentiment', effects, () => scoreSentiment(transcribed, config, effects));
    const judgement = await timed(timings, 'rules', effects, async () => judgeCall(transcript.language, transcript.utterances, acoustics, config, effects));
    const sentiment = describeSentiment(transcript.utterances);
    const result = buildCallResult({ probe: ingested.probe, acoustics, transcript, judgement, sentiment });
    const speechSegments: SpeechSegmentRow[] = acoustics.speech.segments.map((segment) => ({
      channel: segment.channel,
      party: segment.party,
      start: segment.startS,
      end: segment.endS,
    }));
    return {
      status: 'ok',
      result,
      stored: {
        result,
        sizeBytes: ingested.probe.sizeBytes,
        agentChannel: ingested.probe.channels === 2 ? config.agentChannel : null,
        speechSegments,
        stageTimingsMs: timings,
      },
    };
  } catch (thrown) {
    const error = toCallqaError(thrown);
    const sha256 = audio?.probe.sha256 ?? null;
    return { status: 'error', result: buildErrorResult(source, sha256, error), sha256 };
  }
}
