/**
 * Transcribe stage: each party's channel separately, only over its speech regions, through
 * Whisper (./whisper) or a NeMo transducer (./sherpa); or, instead, a transcript imported from
 * a file (see ./import).
 */
import type { Effects } from '../../core/effects.ts';
import { cutSpeechChunks } from './chunk-cutter.ts';
import { planSpeechChunks } from './chunk-plan.ts';
import { obtainRecognizer } from './recognizer.ts';
import { createChunkScheduler } from './transcribe-call.ts';
import type { TranscribeConfig } from './transcribe-config.ts';
import type { SpeechRecognizer, Transcript, TranscribeInput } from './types.ts';
import { toDroppedChunk, toUtterances } from './utterances.ts';
import { whisperSampleRateHz } from './whisper/recognise-chunk.ts';

export type { Transcript, TranscribeInput, TimeSpan, SpeechRecognizer, ChunkRecognition, RecognitionRequest } from './types.ts';
export { resolveTranscribeConfig, type TranscribeConfig, type TranscribeConfigSpec, type WhisperDtype } from './transcribe-config.ts';
export { inspectWhisperModelDir, listWhisperFiles, type WhisperModelDirCheck } from './whisper/model-files.ts';
export { findTransducerFiles } from './sherpa/transducer-files.ts';
export { closeRecognizers, obtainRecognizer } from './recognizer.ts';
export { findTranscriptSidecar, loadTranscript, type ImportedTranscript } from './import/index.ts';

/**
 * Transcribes a call: plans chunks from each channel's speech regions, cuts them out of one
 * streaming pass over the 16 kHz PCM, settles the call's language from its first chunks (unless
 * forced), and returns every party's utterances in recording time, sorted by start. The model
 * is loaded once per thread through `recognizer` (by default the shared one for `config`).
 */
export async function transcribeCall(
  input: TranscribeInput,
  config: TranscribeConfig,
  effects: Effects,
  recognizer: SpeechRecognizer = obtainRecognizer(config),
): Promise<Transcript> {
  const recordingS = input.audio.probe.declaredDurationS ?? Number.POSITIVE_INFINITY;
  const plans = input.speechRegions.map((regions, channel) => planSpeechChunks(channel, regions, recordingS, config));
  const chunkCount = plans.reduce((sum, channelPlans) => sum + channelPlans.length, 0);
  if (chunkCount === 0) return { language: config.forcedLanguage, modelId: recognizer.modelId, utterances: [], droppedChunks: [] };

  const startedMs = effects.now();
  const scheduler = createChunkScheduler(recognizer, config);
  for await (const chunk of cutSpeechChunks(input.audio.openPcm(whisperSampleRateHz), plans, whisperSampleRateHz)) await scheduler.add(chunk);
  const { language, chunks } = await scheduler.finish();

  const partyOf = (plan: { channel: number }) => input.partyOfChannel[plan.channel] ?? 'unknown';
  const utterances = chunks.flatMap(({ plan, recognition }) => toUtterances(plan, recognition, partyOf(plan))).sort((a, b) => a.start - b.start || a.end - b.end);
  const droppedChunks = chunks.flatMap(({ plan, recognition }) => toDroppedChunk(plan, recognition, partyOf(plan)) ?? []).sort((a, b) => a.start - b.start);
  const speechS = chunks.reduce((sum, { plan }) => sum + plan.durationS, 0);
  const elapsedS = Math.max(1e-3, (effects.now() - startedMs) / 1000);
  effects.log(
    `${input.audio.probe.source}: transcribed ${chunks.length} chunk(s) (${droppedChunks.length} dropped by the decoding guards), ${speechS.toFixed(1)} s of speech, language ${language ?? 'none'}, at ${(speechS / elapsedS).toFixed(1)}x real time`,
  );
  return { language, modelId: recognizer.modelId, utterances, droppedChunks };
}
