import { cp, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { closeRecognizers, obtainRecognizer, transcribeCall } from './index.ts';
import { fixtureConfig, fixtureModelDir, recordRequests, writeForcedModel, writeTestCall, type TestCall } from './transcribe-fixtures.test-helper.ts';
import type { TimeSpan } from './types.ts';

let temp: TempFolder;
let call: TestCall;

beforeAll(async () => {
  temp = await createTempFolder('callqa-transcribe-');
  call = await writeTestCall(temp.folder);
});
afterAll(async () => {
  await closeRecognizers();
  await temp.remove();
});

const within = (span: { start: number; end: number }, regions: readonly TimeSpan[], slackS: number) =>
  regions.some((region) => span.start >= region.startS - slackS && span.end <= region.endS + slackS);

describe('transcribeCall with the random-weight Whisper fixture', () => {
  it('transcribes each party on its own channel, with word timing inside its speech regions', async () => {
    const config = fixtureConfig();
    const transcript = await transcribeCall({ audio: call.audio, speechRegions: call.speech, partyOfChannel: call.audio.partyOfChannel }, config, silentEffects);
    expect(transcript.modelId).toBe('callqa/whisper-random-fixture');
    expect(config.allowedLanguages).toContain(transcript.language);
    for (const party of ['agent', 'customer'] as const) expect(transcript.utterances.some((utterance) => utterance.party === party)).toBe(true);
    for (const utterance of transcript.utterances) {
      const regions = call.speech[utterance.party === 'agent' ? 0 : 1]!;
      expect(within(utterance, regions, config.padS + 0.01)).toBe(true);
      expect(utterance.language).toBe(transcript.language);
      expect(utterance.text.length).toBeGreaterThan(0);
      expect(utterance.words!.length).toBeGreaterThan(0);
      for (const word of utterance.words!) expect(word.start >= utterance.start && word.end <= utterance.end && word.start <= word.end).toBe(true);
    }
    const starts = transcript.utterances.map((utterance) => utterance.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('feeds Whisper only the padded speech regions, in chunks of at most 28 s, never the hold music', async () => {
    // Forced, so no chunk is transcribed twice after the language vote.
    const config = fixtureConfig({ forcedLanguage: 'en' });
    const recognizer = recordRequests(obtainRecognizer(config));
    await transcribeCall({ audio: call.audio, speechRegions: call.speech, partyOfChannel: call.audio.partyOfChannel }, config, silentEffects, recognizer);
    const fedS = recognizer.requests.map((request) => request.samples.length / 16000);
    expect(Math.max(...fedS)).toBeLessThanOrEqual(28);
    // The agent's two regions share a chunk; the customer's > 30 s region is cut in two beside the short one.
    expect(call.speech[1]![1]!.endS - call.speech[1]![1]!.startS).toBeGreaterThan(30);
    expect(recognizer.requests.length).toBeGreaterThanOrEqual(3);
    // Speech plus pads and separators only: the 10 s of hold music would push it far over.
    const speechS = call.speech.flat().reduce((sum, span) => sum + span.endS - span.startS, 0);
    expect(call.music.endS - call.music.startS).toBeGreaterThan(5);
    expect(fedS.reduce((sum, seconds) => sum + seconds, 0)).toBeLessThan(speechS + 2.5);
  });

  it('transcribes nothing where no speech region was given', async () => {
    const transcript = await transcribeCall({ audio: call.audio, speechRegions: [call.speech[0]!, []], partyOfChannel: call.audio.partyOfChannel }, fixtureConfig(), silentEffects);
    expect(transcript.utterances.every((utterance) => utterance.party === 'agent')).toBe(true);
    const none = await transcribeCall({ audio: call.audio, speechRegions: [[], []], partyOfChannel: call.audio.partyOfChannel }, fixtureConfig(), silentEffects);
    expect(none).toEqual({ language: null, modelId: 'callqa/whisper-random-fixture', utterances: [], droppedChunks: [] });
  });

  it('uses a forced language without detecting one', async () => {
    const config = fixtureConfig({ forcedLanguage: 'hu' });
    const recognizer = recordRequests(obtainRecognizer(config));
    const transcript = await transcribeCall({ audio: call.audio, speechRegions: call.speech, partyOfChannel: call.audio.partyOfChannel }, config, silentEffects, recognizer);
    expect(transcript.language).toBe('hu');
    expect(recognizer.requests.every((request) => request.language === 'hu')).toBe(true);
    expect(transcript.utterances.every((utterance) => utterance.language === 'hu')).toBe(true);
  });

  it('falls back to segment timestamps for an export without alignment heads', async () => {
    const modelDir = temp.file('no-alignment');
    await cp(fixtureModelDir, modelDir, { recursive: true });
    const generationConfig = JSON.parse(await readFile(`${modelDir}/generation_config.json`, 'utf8')) as Record<string, unknown>;
    delete generationConfig.alignment_heads;
    await writeFile(`${modelDir}/generation_config.json`, JSON.stringify(generationConfig));
    const transcript = await transcribeCall({ audio: call.audio, speechRegions: call.speech, partyOfChannel: call.audio.partyOfChannel }, fixtureConfig({ modelDir }), silentEffects);
    expect(transcript.utterances.length).toBeGreaterThan(0);
    for (const utterance of transcript.utterances) {
      expect(utterance.words).toBeUndefined();
      expect(utterance.end).toBeGreaterThanOrEqual(utterance.start);
    }
  });

  it('drops every chunk whose decoding fails the guards, recording each with its party, span and reason', async () => {
    const config = fixtureConfig({ modelDir: await writeForcedModel(temp.folder), forcedLanguage: 'en', guards: {} });
    const transcript = await transcribeCall({ audio: call.audio, speechRegions: call.speech, partyOfChannel: call.audio.partyOfChannel }, config, silentEffects);
    expect(transcript.utterances).toEqual([]);
    expect(transcript.droppedChunks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(transcript.droppedChunks.map((chunk) => chunk.reason))).toEqual(new Set(['repetition']));
    expect(new Set(transcript.droppedChunks.map((chunk) => chunk.party))).toEqual(new Set(['agent', 'customer']));
    for (const chunk of transcript.droppedChunks) {
      const regions = call.speech[chunk.party === 'agent' ? 0 : 1]!;
      expect(regions.some((region) => chunk.start >= region.startS - config.padS - 0.01 && chunk.start <= region.endS)).toBe(true);
      expect(chunk.end).toBeGreaterThan(chunk.start);
    }
  });

  it('runs the same chunks through a worker_threads pool', async () => {
    const config = fixtureConfig({ workerCount: 2, threadsPerWorker: 1, forcedLanguage: 'ru' });
    const inProcess = await transcribeCall({ audio: call.audio, speechRegions: call.speech, partyOfChannel: call.audio.partyOfChannel }, fixtureConfig({ forcedLanguage: 'ru' }), silentEffects);
    const pooled = await transcribeCall({ audio: call.audio, speechRegions: call.speech, partyOfChannel: call.audio.partyOfChannel }, config, silentEffects);
    expect(obtainRecognizer(config).parallelism).toBe(2);
    expect(pooled.utterances.map((utterance) => [utterance.party, utterance.start])).toEqual(inProcess.utterances.map((utterance) => [utterance.party, utterance.start]));
    expect(pooled.utterances.map((utterance) => utterance.text)).toEqual(inProcess.utterances.map((utterance) => utterance.text));
  });
});
