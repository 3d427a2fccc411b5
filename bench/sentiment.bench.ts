/**
 * Sentiment speed through transformers.js + onnxruntime-node: the committed fixture and a model
 * with distilbert-base-multilingual-cased's compute (dim 768, 6 layers, 12 heads; random weights,
 * generated into a temp folder by models/sentiment-fixture/generate.py, never committed), scoring
 * the sample calls' utterances on one onnxruntime thread and on all cores, batched by 16.
 * The real model's 119,547-row vocabulary adds only table size, not work per token.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AutoTokenizer } from '@huggingface/transformers';
import { silentEffects } from '../core/effects.ts';
import type { Utterance } from '../pipeline/result/call-result.ts';
import { loadSentimentClassifier, scoreUtterances } from '../pipeline/text/sentiment/index.ts';
import { pythonPath, requirePythonOnnx } from './python-onnx.ts';

const run = promisify(execFile);
const generator = fileURLToPath(new URL('../models/sentiment-fixture/generate.py', import.meta.url));
const fixtureDir = fileURLToPath(new URL('../models/sentiment-fixture/distilbert-random-fixture', import.meta.url));
const callsDir = fileURLToPath(new URL('../samples/calls', import.meta.url));

async function sampleUtterances(): Promise<Utterance[]> {
  const files = (await readdir(callsDir)).filter((name) => name.endsWith('.transcript.json'));
  const transcripts = await Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(callsDir, name), 'utf8')) as { utterances: Utterance[] }));
  return transcripts.flatMap((transcript) => transcript.utterances);
}

async function measure(label: string, modelDir: string, threads: number, utterances: Utterance[]): Promise<void> {
  const classifier = await loadSentimentClassifier({ modelId: label, modelDir, dtype: 'fp32', threads });
  await scoreUtterances(utterances.slice(0, 16), classifier, silentEffects);
  const startedMs = Date.now();
  await scoreUtterances(utterances, classifier, silentEffects);
  const elapsedS = (Date.now() - startedMs) / 1000;
  const threadsLabel = threads === 0 ? `all ${os.availableParallelism()} cores` : '1 thread';
  // The synthetic vocabulary splits words into more pieces than the real one: report tokens so figures can be scaled.
  const tokenizer = await AutoTokenizer.from_pretrained(modelDir);
  const tokens = utterances.reduce((sum, { text }) => sum + tokenizer.encode(text).length, 0);
  console.log(
    `${label}, ${threadsLabel}: ${utterances.length} utterances (${(tokens / utterances.length).toFixed(1)} tokens each) in ${elapsedS.toFixed(2)} s, ` +
      `${(utterances.length / elapsedS).toFixed(0)} utterances/s, ${(tokens / elapsedS).toFixed(0)} tokens/s`,
  );
}

export async function benchSentiment(): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'callqa-bench-sentiment-'));
  try {
    const utterances = await sampleUtterances();
    const baseDir = path.join(folder, 'distilbert-base-random');
    await requirePythonOnnx('sentiment');
    await run(pythonPath, [generator, '--preset', 'base', '--out', baseDir]);
    const models: [string, string][] = [['fixture (dim 32, 2 layers)', fixtureDir], ['base architecture, random weights', baseDir]];
    for (const [label, modelDir] of models) for (const threads of [1, 0]) await measure(label, modelDir, threads, utterances);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSentiment();
