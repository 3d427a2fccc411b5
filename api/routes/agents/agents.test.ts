import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiFixture, type ApiFixture } from '../../api-fixture.test-helper.ts';

describe('agent routes', () => {
  let fixture: ApiFixture;
  beforeAll(async () => {
    fixture = await createApiFixture();
  });
  afterAll(() => fixture.close());

  it('aggregates per agent and period: score, talk, holds, interruptions and rule failure rates', async () => {
    const response = await fixture.request('supervisor', 'GET', '/api/v1/agents/stats?period=month');
    expect(response.statusCode).toBe(200);
    const [seven, nine] = response.json();
    const monthStart = new Date();
    expect(seven).toMatchObject({
      agent_id: 'agent-7', calls: 1, mean_score: 72, hold_s_per_call: 1, holds_per_call: 1, dead_air_s_per_call: 0,
      agent_interruptions_per_call: 1, customer_interruptions_per_call: 0,
      // Tones carry no speech: the metrics are there, with nothing spoken to measure.
      agent_words_per_minute: null, agent_too_fast_share: null, agent_longest_monologue_s: 0, agent_raised_voice_per_call: 0, non_talk_s_per_call: 0,
      period_start: `${monthStart.getUTCFullYear()}-${String(monthStart.getUTCMonth() + 1).padStart(2, '0')}-01T00:00:00.000Z`,
      rules: [
        { rule_id: 'greeting', checked: 1, failed: 0, failure_rate: 0 },
        { rule_id: 'hold-consent', checked: 1, failed: 1, failure_rate: 1 },
      ],
    });
    expect(nine.rules).toEqual([
      { rule_id: 'greeting', checked: 1, failed: 1, failure_rate: 1 },
      { rule_id: 'hold-consent', checked: 0, failed: 0, failure_rate: null },
      // Uncertain awaits a reviewer: not checked yet.
      { rule_id: 'thanks-closing', checked: 0, failed: 0, failure_rate: null },
    ]);
    const one = (await fixture.request('admin', 'GET', '/api/v1/agents/stats?agent=agent-9&period=day')).json();
    expect(one.map((row: { agent_id: string }) => row.agent_id)).toEqual(['agent-9']);
    expect((await fixture.request('admin', 'GET', '/api/v1/agents/stats?to=2000-01-01T00:00:00Z')).json()).toEqual([]);
  });

  it("flags agents with the pipeline's coaching rule from the scorecard, overridable per request; reviews count", async () => {
    const scorecard = (await fixture.request('supervisor', 'GET', '/api/v1/agents/coaching-flags')).json();
    expect(scorecard.rule).toEqual(fixture.analyzeConfig.scorecard.coaching);
    expect(scorecard.flags).toEqual([]); // one call per agent is below minApplicableCalls
    const url = '/api/v1/agents/coaching-flags?min_applicable_calls=1&failure_rate_threshold=0.5';
    const flagged = (await fixture.request('supervisor', 'GET', url)).json();
    expect(flagged.rule).toMatchObject({ minApplicableCalls: 1, failureRateThreshold: 0.5, failureRateThresholdByRule: {} });
    expect(flagged.flags).toEqual([
      { agent_id: 'agent-7', rule_id: 'hold-consent', applicable_calls: 1, failed_calls: 1, failure_rate: 1, threshold: 0.5, example_call_ids: [fixture.callIds[0]] },
      { agent_id: 'agent-9', rule_id: 'greeting', applicable_calls: 1, failed_calls: 1, failure_rate: 1, threshold: 0.5, example_call_ids: [fixture.callIds[1]] },
    ]);
    await fixture.request('qa', 'POST', `/api/v1/calls/${fixture.callIds[0]}/reviews`, { target: 'rule', rule_id: 'hold-consent', status: 'pass', comment: 'asked' });
    const afterReview = (await fixture.request('supervisor', 'GET', url)).json();
    expect(afterReview.flags.map((flag: { agent_id: string }) => flag.agent_id)).toEqual(['agent-9']);
  });

  it.each(['failure_rate_threshold=2', 'window_calls=0', 'min_applicable_calls=x', 'period=year'])('refuses %s with 400', async (query) => {
    const path = query.startsWith('period') ? 'stats' : 'coaching-flags';
    const response = await fixture.request('admin', 'GET', `/api/v1/agents/${path}?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('CQA_ERR_API_BAD_REQUEST');
  });
});
