/**
 * Test calls for the transcribe stage, on the audio stage's espeak-ng fixtures (real speech,
 * real hold music), plus the committed random-weight Whisper and a recognizer that records
 * what it is fed.
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chords, durationS, speak, writeCall, type Placement } from '../audio/call-fixtures.test-helper.ts';
import { silentEffects } from '../../core/effects.ts';
import { ingestRecording, type CallAudio } from '../ingest/index.ts';
import { resolveTranscribeConfig, type TranscribeConfig, type TranscribeConfigSpec } from './transcribe-config.ts';
import type { RecognitionRequest, SpeechRecognizer, TimeSpan } from './types.ts';

export const fixtureModelDir = fileURLToPath(new URL('../../models/whisper-fixture/whisper-random-fixture', import.meta.url));

export const transducerFixtureDir = fileURLToPath(new URL('../../models/transducer-fixture/tdt-random-fixture', import.meta.url));

export function transducerFixtureConfig(overrides: Partial<TranscribeConfigSpec> = {}): TranscribeConfig {
  return resolveTranscribeConfig({ engine: 'nemo-transducer', modelDir: transducerFixtureDir, modelId: 'callqa/tdt-random-fixture', workerCount: 2, ...overrides });
}

/**
 * A copy of the fixture in `folder` with a decoder whose weights force known behaviour
 * (models/whisper-fixture/README.md): <|hu|> wins language detection, every token is followed by
 * the one-token word " zicé" (id 1000) for ever, and the last layer's cross-attention sits
 * 10 frames (0.2 s) further on per token position.
 */
export async function writeForcedModel(folder: string): Promise<string> {
  const modelDir = path.join(folder, 'forced');
  await cp(fixtureModelDir, modelDir, { recursive: true });
  await cp(fileURLToPath(new URL('../../models/whisper-fixture/variants/forced/onnx/decoder_model_merged.onnx', import.meta.url)), path.join(modelDir, 'onnx', 'decoder_model_merged.onnx'));
  return modelDir;
}

/** Random weights decode improbable gibberish, which the guards would rightly drop: these tests run greedy and unguarded. */
export const unguarded = { temperatures: [0], compressionRatioThreshold: null, logProbThreshold: null, noSpeechThreshold: null, repetitionMaxRepeats: 100 };

export function fixtureConfig(overrides: Partial<TranscribeConfigSpec> = {}): TranscribeConfig {
  return resolveTranscribeConfig({ modelDir: fixtureModelDir, modelId: 'callqa/whisper-random-fixture', dtype: { encoder_model: 'fp32', decoder_model_merged: 'fp32' }, guards: unguarded, ...overrides });
}

export interface TestCall {
  audio: CallAudio;
  /** Where speech was placed, per channel (seconds). */
  speech: TimeSpan[][];
  /** Where hold music was placed on channel 0. */
  music: TimeSpan;
}

/**
 * An 85 s stereo call: the agent (channel 0) greets at 1 s and answers at 12 s, then plays hold
 * music at 20–30 s; the customer (channel 1) speaks at 6 s, then from 32 s talks for over 40 s in
 * phrases with short pauses, one region longer than a Whisper window.
 */
export async function writeTestCall(folder: string): Promise<TestCall> {
  const say = (text: string, voice = 'en-us') => speak(folder, text, { voice });
  const agentLines = [await say('Good morning, thank you for calling. How can I help you today?'), await say('Let me check that order for you right now.')];
  const customerShort = await say('Hello, I have a question about my order.');
  const customerPhrases = await Promise.all(
    ['I ordered a blue jacket two weeks ago', 'and it still has not arrived at my address', 'the tracking page says it left the warehouse', 'but nothing has changed since last Monday', 'could you tell me where it is and when it will come', 'I really need it before the weekend trip'].map((line) => say(line)),
  );
  const customerLong = [...customerPhrases, ...customerPhrases, ...customerPhrases];
  const placements: Placement[] = [
    { channel: 0, atS: 1, samples: agentLines[0]! },
    { channel: 0, atS: 12, samples: agentLines[1]! },
    { channel: 0, atS: 20, samples: chords(10) },
    { channel: 1, atS: 6, samples: customerShort },
  ];
  let atS = 32;
  const longStartS = atS;
  for (const samples of customerLong) {
    placements.push({ channel: 1, atS, samples });
    atS += durationS(samples) + 0.3;
  }
  const span = (placement: Placement): TimeSpan => ({ startS: placement.atS, endS: placement.atS + durationS(placement.samples) });
  const path = await writeCall(`${folder}/call.wav`, 2, 85, placements);
  return {
    audio: await ingestRecording(path, { agentChannel: 0 }, silentEffects),
    speech: [[span(placements[0]!), span(placements[1]!)], [span(placements[3]!), { startS: longStartS, endS: atS - 0.3 }]],
    music: span(placements[2]!),
  };
}

/** Wraps a recognizer and keeps every request it passes on (with a copy of its samples). */
export function recordRequests(inner: SpeechRecognizer): SpeechRecognizer & { requests: RecognitionRequest[] } {
  const requests: RecognitionRequest[] = [];
  return {
    modelId: inner.modelId,
    parallelism: inner.parallelism,
    requests,
    recognise: (request) => {
      requests.push({ ...request, samples: request.samples.slice() });
      return inner.recognise(request);
    },
    close: () => inner.close(),
  };
}
