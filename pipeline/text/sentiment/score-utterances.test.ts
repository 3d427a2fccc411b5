/** Sentiment through the committed random-weight DistilBERT on the real transformers.js + onnxruntime path. */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentimentFixtureDir } from '../../../models/sentiment-fixture/sentiment-fixture.test-helper.ts';
import { silentEffects, type Effects } from '../../../core/effects.ts';
import type { Utterance } from '../../result/call-result.ts';
import { createTempFolder, type TempFolder } from '../../../core/temp-folder.test-helper.ts';
import { loadSentimentClassifier, type SentimentClassifier, type SentimentModelSettings } from './sentiment-classifier.ts';
import { scoreUtterances, toUtteranceSentiment } from './score-utterances.ts';

const settings: SentimentModelSettings = { modelId: 'sentiment-multilingual', modelDir: sentimentFixtureDir, dtype: 'fp32', threads: 1 };
const lines: [Utterance['party'], string][] = [
  ['agent', 'Good morning, thank you for calling. How can I help you today?'],
  ['customer', 'Это уже третий раз, когда мне выставляют неправильный счёт!'],
  ['agent', 'Nagyon sajnálom, azonnal utánanézek.'],
  ['customer', '   '],
  ['customer', 'ok'],
  ['agent', 'I have refunded the difference and added a note to your account so it will not happen again.'],
  ['customer', 'Köszönöm szépen, ez nagy segítség volt.'],
];
const utterances: Utterance[] = lines.map(([party, text], index) => ({ start: index * 5, end: index * 5 + 4, party, text }));

describe('scoreUtterances with the fixture model', () => {
  let classifier: SentimentClassifier;
  beforeAll(async () => (classifier = await loadSentimentClassifier(settings)));

  it('gives every utterance with words a well-formed label and score, without touching its input', async () => {
    const before = structuredClone(utterances);
    const scored = await scoreUtterances(utterances, classifier, silentEffects);
    expect(utterances).toEqual(before);
    expect(scored.map(({ sentiment, ...rest }) => rest)).toEqual(utterances);
    expect(scored[3]!.sentiment).toBeNull();
    for (const { sentiment } of scored.filter((_, index) => index !== 3)) {
      expect(['negative', 'neutral', 'positive']).toContain(sentiment!.label);
      expect(sentiment!.score).toBeGreaterThanOrEqual(-1);
      expect(sentiment!.score).toBeLessThanOrEqual(1);
    }
    expect(new Set(scored.map(({ sentiment }) => sentiment?.label)).size).toBeGreaterThan(1);
  });

  it('is deterministic, and batched scores equal one-by-one scores', async () => {
    const oneByOne = await scoreUtterances(utterances, classifier, silentEffects, { batchSize: 1 });
    expect(await scoreUtterances(utterances, classifier, silentEffects, { batchSize: 1 })).toEqual(oneByOne);
    expect(await scoreUtterances(utterances, classifier, silentEffects, { batchSize: 4 })).toEqual(oneByOne);
    expect(await scoreUtterances(utterances, classifier, silentEffects, { batchSize: 64 })).toEqual(oneByOne);
  });

  it('shares one load per settings and logs its rate', async () => {
    expect(await loadSentimentClassifier({ ...settings })).toBe(classifier);
    const logged: string[] = [];
    const effects: Effects = { ...silentEffects, log: (line) => logged.push(line) };
    await scoreUtterances(utterances, classifier, effects);
    expect(logged).toEqual([expect.stringMatching(/^sentiment: 6 utterance\(s\) scored by sentiment-multilingual at \d+ per second$/)]);
  });
});

describe('toUtteranceSentiment', () => {
  it('takes the most probable label and positive minus negative as the score', () => {
    expect(toUtteranceSentiment({ negative: 0.7, neutral: 0.2, positive: 0.1 })).toEqual({ label: 'negative', score: -0.6 });
    expect(toUtteranceSentiment({ negative: 0.25, neutral: 0.3, positive: 0.45 })).toEqual({ label: 'positive', score: 0.2 });
  });
});

describe('a text classifier without negative / neutral / positive labels', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
    await cp(sentimentFixtureDir, temp.file('stars'), { recursive: true });
    const config = JSON.parse(await readFile(temp.file('stars/config.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(temp.file('stars/config.json'), JSON.stringify({ ...config, id2label: { 0: '1 star', 1: '3 stars', 2: '5 stars' } }));
  });
  afterAll(() => temp.remove());

  it('is refused at load, naming the labels it has', async () => {
    const loading = loadSentimentClassifier({ ...settings, modelDir: temp.file('stars') });
    await expect(loading).rejects.toMatchObject({ code: 'CQA_ERR_MODEL_INVALID', message: expect.stringContaining('has no label negative, neutral, positive (it has 1 star, 3 stars, 5 stars)') });
  });
});

describe('scoreUtterances for some parties only', () => {
  it('scores the customer alone and leaves every other utterance unscored', async () => {
    const classifier = await loadSentimentClassifier(settings);
    const all = await scoreUtterances(utterances, classifier, silentEffects);
    const customerOnly = await scoreUtterances(utterances, classifier, silentEffects, { parties: ['customer'] });
    for (const [index, utterance] of customerOnly.entries()) {
      expect(utterance.sentiment).toEqual(utterance.party === 'customer' ? all[index]!.sentiment : null);
    }
    expect(customerOnly.filter((utterance) => utterance.sentiment).length).toBe(3);
  });
});
