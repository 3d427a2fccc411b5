/**
 * End to end through the real binary: a sample call (with its transcript sidecar) is analysed
 * with the lexicon while no sentiment model is installed, then with the model once
 * `callqa models pull` has fetched the committed fixture from a local stand-in for the Hub.
 */
import { copyFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/run-cli.test-helper.ts';
import { startFakeHub, type FakeHub } from '../../../models/fake-hub.test-helper.ts';
import { findModelEntry } from '../../../models/manifest.ts';
import { readSentimentFixtureFiles } from '../../../models/sentiment-fixture/sentiment-fixture.test-helper.ts';
import type { CallResult } from '../../result/call-result.ts';
import { createTempFolder, type TempFolder } from '../../../core/temp-folder.test-helper.ts';

const sampleCall = new URL('../../../samples/calls/en-01-billing-dispute', import.meta.url).pathname;

describe('callqa analyze with the sentiment model', () => {
  let temp: TempFolder;
  let hub: FakeHub;
  beforeAll(async () => {
    temp = await createTempFolder();
    await copyFile(`${sampleCall}.wav`, temp.file('call.wav'));
    await copyFile(`${sampleCall}.transcript.json`, temp.file('call.transcript.json'));
    const entry = findModelEntry('sentiment-multilingual');
    if (!('hub' in entry.source)) throw new Error('sentiment-multilingual must come from the Hub');
    hub = await startFakeHub({ ...entry.source.hub, files: await readSentimentFixtureFiles() });
  });
  afterAll(async () => {
    hub.close();
    await temp.remove();
  });

  const withHub = (args: string[]) => runCli([...args, '--models-dir', temp.file('models')], { CALLQA_HUB_URL: hub.baseUrl });
  const analyze = async (db: string) => {
    const outcome = await withHub(['analyze', temp.file('call.wav'), '--json', '--db', temp.file(db)]);
    expect(outcome.exitCode).toBe(0);
    return { result: JSON.parse(outcome.stdout) as CallResult, stderr: outcome.stderr };
  };

  it('falls back to the lexicon, naming the pull command, while the model is missing', async () => {
    const { result, stderr } = await analyze('lexicon.duckdb');
    expect(stderr).toContain('Enable it with: callqa models pull sentiment-multilingual');
    expect(result.sentiment_source).toBe('lexicon');
    expect(result.sentiment).toBeUndefined();
    expect(result.utterances.every((utterance) => utterance.sentiment == null)).toBe(true);
  });

  it('scores every utterance with the pulled model and summarises the call', async () => {
    expect((await withHub(['models', 'pull', 'sentiment-multilingual', '--variant', 'fp32'])).exitCode).toBe(0);
    const { result, stderr } = await analyze('model.duckdb');
    expect(stderr).not.toContain('callqa models pull sentiment-multilingual');
    expect(result.sentiment_source).toBe('model:sentiment-multilingual');
    expect(result.utterances.length).toBeGreaterThan(0);
    for (const { sentiment } of result.utterances) expect(sentiment).toMatchObject({ label: expect.any(String), score: expect.any(Number) });
    expect(result.sentiment!.window_s).toBe(30);
    expect(result.sentiment!.agent.trajectory.length).toBeGreaterThan(0);
    expect(result.sentiment!.customer_start).toEqual(expect.any(Number));
  });
});
