import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../../core/effects.ts';
import { createTempFolder, type TempFolder } from '../../../core/temp-folder.test-helper.ts';
import { closeRecognizers, obtainRecognizer, transcribeCall } from '../index.ts';
import { fixtureConfig, recordRequests, transducerFixtureConfig, writeTestCall, type TestCall } from '../transcribe-fixtures.test-helper.ts';

let temp: TempFolder;
let call: TestCall;

beforeAll(async () => {
  temp = await createTempFolder('callqa-transducer-');
  call = await writeTestCall(temp.folder);
});
afterAll(async () => {
  await closeRecognizers();
  await temp.remove();
});

describe('transcribeCall through sherpa-onnx with the random-weight NeMo TDT fixture', () => {
  it('transcribes both parties, each word placed on the call timeline inside its party\'s speech', async () => {
    const config = transducerFixtureConfig({ forcedLanguage: 'hu' });
    const transcript = await transcribeCall({ audio: call.audio, speechRegions: call.speech, partyOfChannel: call.audio.partyOfChannel }, config, silentEffects);
    expect(transcript).toMatchObject({ language: 'hu', modelId: 'callqa/tdt-random-fixture', droppedChunks: [] });
    for (const [channel, party] of (['agent', 'customer'] as const).entries()) {
      const utterances = transcript.utterances.filter((utterance) => utterance.party === party);
      expect(utterances.length).toBeGreaterThan(0);
      const words = utterances.flatMap((utterance) => utterance.words!);
      for (const word of words) {
        expect(call.speech[channel]!.some((region) => word.start >= region.startS - config.padS - 0.01 && word.end <= region.endS + config.padS + 0.01)).toBe(true);
        expect(word.end).toBeGreaterThanOrEqual(word.start);
      }
      const starts = words.map((word) => word.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    // Token times come from the decoder walking the encoder frames: the customer's 40 s stretch is covered to its end, not piled at chunk starts.
    const long = call.speech[1]![1]!;
    const customerStarts = transcript.utterances.filter((utterance) => utterance.party === 'customer').flatMap((utterance) => utterance.words!.map((word) => word.start));
    expect(Math.max(...customerStarts)).toBeGreaterThan(long.endS - 5);
    expect(customerStarts.filter((startS) => startS > long.startS + 10 && startS < long.endS - 10).length).toBeGreaterThan(5);
  });

  it('runs beside onnxruntime-node in one process: a Whisper chunk and a transducer chunk decoded at the same time', async () => {
    const whisper = recordRequests(obtainRecognizer(fixtureConfig({ forcedLanguage: 'en' })));
    const transducer = obtainRecognizer(transducerFixtureConfig());
    const samples = Float32Array.from({ length: 16000 * 6 }, (_, index) => 0.3 * Math.sin(index / 9) * Math.sin(index / 4000));
    const request = { samples, language: 'en' as const, allowedLanguages: ['en' as const], maxNewTokens: 8, guards: fixtureConfig().guards };
    const [fromWhisper, fromTransducer] = await Promise.all([whisper.recognise({ ...request, samples: samples.slice() }), transducer.recognise({ ...request, samples: samples.slice() })]);
    expect(fromWhisper.segments.length + fromTransducer.segments.length).toBe(2);
    expect(fromTransducer.segments[0]!.words.length).toBeGreaterThan(3);
    expect(fromTransducer.segments[0]!.words.at(-1)!.startS).toBeLessThanOrEqual(6);
  });
});
