/**
 * The committed random-weight Whisper loads and runs through the real transformers.js 4.3.1 +
 * onnxruntime-node path, offline, as the onnx-community exports do: the ASR pipeline with plain
 * text and word timestamps, and WhisperForConditionalGeneration.generate.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AutoProcessor, WhisperForConditionalGeneration, env, pipeline, type AutomaticSpeechRecognitionOutput, type Tensor } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const modelDir = fileURLToPath(new URL('./whisper-random-fixture', import.meta.url));
let speech: Float32Array;
let temp: string;

beforeAll(async () => {
  env.allowRemoteModels = false;
  temp = await mkdtemp(path.join(os.tmpdir(), 'callqa-whisper-fixture-'));
  env.cacheDir = temp;
  const wav = path.join(temp, 'speech.wav');
  await promisify(execFile)('espeak-ng', ['-v', 'en-us', '-w', wav, 'Thank you for calling, how can I help you today?']);
  const { stdout } = await promisify(execFile)('sox', [wav, '-t', 'raw', '-e', 'floating-point', '-b', '32', '-L', '-r', '16000', '-c', '1', '-'], { encoding: 'buffer' });
  speech = new Float32Array(new Uint8Array(stdout).buffer);
});
afterAll(() => rm(temp, { recursive: true, force: true }));

describe('the random-weight Whisper fixture', () => {
  it('has the real special-token ids and a byte-level BPE vocabulary filling 0..50256', async () => {
    const tokenizer = JSON.parse(await readFile(path.join(modelDir, 'tokenizer.json'), 'utf8')) as { added_tokens: { id: number; content: string }[]; model: { vocab: Record<string, number> } };
    const idOf = (content: string) => tokenizer.added_tokens.find((token) => token.content === content)?.id;
    expect([idOf('<|endoftext|>'), idOf('<|startoftranscript|>'), idOf('<|en|>'), idOf('<|ru|>'), idOf('<|hu|>')]).toEqual([50257, 50258, 50259, 50263, 50286]);
    expect([idOf('<|translate|>'), idOf('<|transcribe|>'), idOf('<|notimestamps|>'), idOf('<|0.00|>'), idOf('<|30.00|>')]).toEqual([50358, 50359, 50363, 50364, 51864]);
    expect(Object.keys(tokenizer.model.vocab)).toHaveLength(50257);
    expect(tokenizer.model.vocab['Ġ']).toBe(220);
  });

  it('runs in the automatic-speech-recognition pipeline, with word timestamps inside the audio', async () => {
    const recognise = await pipeline('automatic-speech-recognition', modelDir, { dtype: 'fp32' });
    const plain = (await recognise(speech, { language: 'ru', task: 'transcribe', max_new_tokens: 12 })) as AutomaticSpeechRecognitionOutput;
    expect(typeof plain.text).toBe('string');
    const timed = (await recognise(speech, { language: 'en', task: 'transcribe', return_timestamps: 'word', max_new_tokens: 12 })) as AutomaticSpeechRecognitionOutput;
    expect(timed.chunks!.length).toBeGreaterThan(0);
    for (const chunk of timed.chunks!) expect(chunk.timestamp[0]).toBeGreaterThanOrEqual(0);
    await recognise.dispose();
  });

  it('generates with WhisperForConditionalGeneration, returning cross-attentions per decoder layer', async () => {
    const processor = await AutoProcessor.from_pretrained(modelDir);
    const model = await WhisperForConditionalGeneration.from_pretrained(modelDir, { dtype: 'fp32' });
    const { input_features } = (await processor(speech)) as { input_features: Tensor };
    const output = (await model.generate({ inputs: input_features, language: 'hu', task: 'transcribe', max_new_tokens: 6, output_attentions: true, return_dict_in_generate: true } as never)) as unknown as {
      sequences: Tensor;
      cross_attentions: Tensor[][];
    };
    const sequence = (output.sequences.tolist() as bigint[][])[0]!.map(Number);
    expect(sequence.slice(0, 4)).toEqual([50258, 50286, 50359, 50363]);
    expect(sequence).toHaveLength(10);
    expect(output.cross_attentions[0]!).toHaveLength(2);
    expect(output.cross_attentions[0]![0]!.dims).toEqual([1, 2, 4, 1500]);
    await model.dispose();
  });
});
