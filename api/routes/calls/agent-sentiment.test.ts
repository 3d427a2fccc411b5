/**
 * With agent sentiment off the call detail serves none, even for a call analysed while it was
 * on (its stored result still holds the agent's scores); with it on the stored result is served as is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';
import { resolveSettings, toAnalyzeConfigSpec } from '../../../config/index.ts';
import { silentEffects } from '../../../core/effects.ts';
import { resolveAnalyzeConfig } from '../../../pipeline/analyze-config.ts';
import type { CallResult } from '../../../pipeline/result/call-result.ts';

const trajectory = [{ start: 0, end: 30, score: -0.4, utterances: 2 }];
const sentiment = { window_s: 30, edge_utterances: 3, agent: { mean: -0.4, trajectory }, customer: { mean: 0.2, trajectory }, customer_start: null, customer_end: null };

/** Gives the first seeded call model sentiment on every utterance, as an analysis with the setting on stores it. */
async function storeAgentSentiment(fixture: ApiFixture): Promise<void> {
  const callId = fixture.callIds[0]!;
  const [row] = (await fixture.store.connection.runAndReadAll('SELECT result_json::VARCHAR AS json FROM calls WHERE call_id = $1', [callId])).getRowObjectsJS();
  const result = JSON.parse(String(row!.json)) as CallResult;
  const scored = { ...result, sentiment, utterances: result.utterances.map((utterance) => ({ ...utterance, sentiment: { label: 'negative' as const, score: -0.4 } })) };
  await fixture.store.connection.run('UPDATE calls SET result_json = $1::JSON WHERE call_id = $2', [JSON.stringify(scored), callId]);
}

describe.each([true, false])('call detail with agentSentiment %s', (agentSentiment) => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    const settings = resolveSettings({ flags: { modelsDir: '/nonexistent/models', agentSentiment: String(agentSentiment) } });
    fixture = await createApiFixture({ analyzeConfig: await resolveAnalyzeConfig(toAnalyzeConfigSpec(settings), silentEffects) });
    expect(fixture.analyzeConfig.agentSentiment).toBe(true); // the seeded calls were analysed with it on
    await storeAgentSentiment(fixture);
  });
  afterAll(() => fixture.close());

  it(agentSentiment ? 'serves the stored agent sentiment unchanged' : 'serves no agent sentiment, and the customer sentiment unchanged', async () => {
    const response = await fixture.request('qa', 'GET', `/api/v1/calls/${fixture.callIds[0]}`);
    expect(response.statusCode).toBe(200);
    const { result } = response.json<{ result: CallResult }>();
    const byParty = (party: string) => result.utterances.filter((utterance) => utterance.party === party);
    expect(byParty('agent').length).toBeGreaterThan(0);
    expect(byParty('customer').length).toBeGreaterThan(0);
    for (const { sentiment: scored } of byParty('customer')) expect(scored).toEqual({ label: 'negative', score: -0.4 });
    for (const { sentiment: scored } of byParty('agent')) expect(scored).toEqual(agentSentiment ? { label: 'negative', score: -0.4 } : null);
    expect(result.sentiment).toEqual(agentSentiment ? sentiment : { ...sentiment, agent: null });
  });
});
