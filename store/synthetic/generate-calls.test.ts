import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore, queryRows, type TempStore } from '../kpi/kpi-fixture.test-helper.ts';
import { generateSyntheticCalls } from './generate-calls.ts';

describe('generateSyntheticCalls', () => {
  let temp: TempStore;
  beforeEach(async () => (temp = await createTempStore()));
  afterEach(() => temp.cleanup());

  it('writes linked calls and CDRs, the same for the same seed', async () => {
    await generateSyntheticCalls(temp.store, { calls: 500, seed: 7 });
    const counts = `SELECT (SELECT count(*) FROM cdr)::INTEGER AS cdr, (SELECT count(*) FROM calls)::INTEGER AS calls,
      (SELECT count(*) FROM utterances)::INTEGER AS utterances, (SELECT count(*) FROM cdr WHERE recording_call_id IS NULL)::INTEGER AS unlinked,
      (SELECT sum(score) FROM calls) AS score_sum, (SELECT count(*) FROM events)::INTEGER AS events`;
    const [first] = await queryRows(temp.store, counts);
    expect(first).toMatchObject({ cdr: 500 });
    expect((first!.calls as number) + (first!.unlinked as number)).toBe(500);
    expect(first!.utterances).toBe((first!.calls as number) * 8);
    expect(first!.events).toBeGreaterThan(0);
    // The search index holds every utterance, as the call writer would have made it.
    const indexed = await queryRows(temp.store, `SELECT count(DISTINCT (call_id, utterance_idx))::INTEGER AS utterances,
      count(*) FILTER (term = 'ru:счет')::INTEGER AS russian_bills FROM search_terms`);
    expect(indexed).toEqual([{ utterances: first!.utterances, russian_bills: expect.any(Number) }]);
    expect(indexed[0]!.russian_bills).toBeGreaterThan(0);
    await temp.store.connection.run('DELETE FROM calls; DELETE FROM cdr; DELETE FROM utterances; DELETE FROM search_terms; DELETE FROM parties; DELETE FROM events; DELETE FROM rule_results');
    await generateSyntheticCalls(temp.store, { calls: 500, seed: 7 });
    expect(await queryRows(temp.store, counts)).toEqual([first]);
  });
});
