/**
 * End to end through the real binary: a sample call (with its transcript sidecar) is analysed
 * with the lexicon while no sentiment model is installed, then with the model once
 * `callqa models pull` has fetched the committed fixture from a local stand-in for the Hub.
 */
import { copyFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDb, runCli } from '../../../cli/run-cli.test-helper.ts';
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

  const withHub = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli([...args, '--models-dir', temp.file('models')], { CALLQA_HUB_URL: hub.baseUrl, ...env });
  const analyze = async (db: string, env: NodeJS.ProcessEnv = {}) => {
    const outcome = await withHub(['analyze', temp.file('call.wav'), '--json', '--db', temp.file(db)], env);
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
    expect(result.sentiment!.agent!.trajectory.length).toBeGreaterThan(0);
    expect(result.sentiment!.customer_start).toEqual(expect.any(Number));
  });

  const storedSentiment = (db: string) => queryDb(temp.file(db),
    `SELECT party, count(*)::INTEGER AS utterances, count(sentiment_label)::INTEGER AS labels, count(sentiment_score)::INTEGER AS scores FROM utterances GROUP BY party ORDER BY party`);

  it('with CALLQA_AGENT_SENTIMENT=false scores, summarises and stores the customer only, and records the setting', async () => {
    const { result } = await analyze('no-agent.duckdb', { CALLQA_AGENT_SENTIMENT: 'false' });
    expect(result.sentiment_source).toBe('model:sentiment-multilingual');
    const agentTurns = result.utterances.filter((utterance) => utterance.party !== 'customer');
    expect(agentTurns.length).toBeGreaterThan(0);
    for (const { sentiment } of agentTurns) expect(sentiment).toBeNull();
    for (const { sentiment } of result.utterances.filter((utterance) => utterance.party === 'customer')) expect(sentiment).toMatchObject({ score: expect.any(Number) });
    expect(result.sentiment!.agent).toBeNull();
    expect(result.sentiment!.customer.trajectory.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.sentiment)).not.toContain('"agent":{');

    const rows = await storedSentiment('no-agent.duckdb');
    expect(rows.find((row) => row.party === 'agent')).toMatchObject({ labels: 0, scores: 0 });
    expect(rows.find((row) => row.party === 'customer')).toMatchObject({ labels: expect.any(Number) });
    expect((rows.find((row) => row.party === 'customer')!.labels as number)).toBeGreaterThan(0);
    const [stored] = await queryDb(temp.file('no-agent.duckdb'), `SELECT result_json->'$.sentiment.agent' AS agent, json_extract_string(options, '$.settings.agentSentiment.value') AS setting,
      json_extract_string(options, '$.settings.agentSentiment.source') AS source FROM calls JOIN analysis_runs USING (call_id)`);
    expect(stored).toMatchObject({ setting: 'false', source: 'env CALLQA_AGENT_SENTIMENT' });
    expect(String(stored!.agent)).toBe('null');
  });

  it('with the setting on (the default) keeps storing agent sentiment, and records that too', async () => {
    await analyze('agent.duckdb', { CALLQA_AGENT_SENTIMENT: 'true' });
    const rows = await storedSentiment('agent.duckdb');
    const agent = rows.find((row) => row.party === 'agent')!;
    expect(agent.labels).toBe(agent.utterances);
    expect(agent.scores).toBe(agent.utterances);
    const [run] = await queryDb(temp.file('agent.duckdb'), `SELECT json_extract_string(options, '$.settings.agentSentiment.value') AS setting FROM analysis_runs`);
    expect(run!.setting).toBe('true');
  });
});
