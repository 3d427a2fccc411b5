import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings, toAnalyzeConfigSpec } from '../config/index.ts';
import { silentEffects } from '../core/effects.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { analyzeForRecording, type AnalysedCall } from '../pipeline/record-call.ts';
import { openStore, recordAnalysedCalls, type Store } from './index.ts';

const samplesDir = new URL('../samples/calls/', import.meta.url).pathname;

async function counts(store: Store): Promise<Record<string, unknown>> {
  const reader = await store.connection.runAndReadAll(`SELECT (SELECT count(*)::INTEGER FROM calls) AS calls,
    (SELECT count(*)::INTEGER FROM analysis_runs) AS runs, (SELECT count(*)::INTEGER FROM score_history) AS scores,
    (SELECT count(*)::INTEGER FROM result_history) AS replaced`);
  return reader.getRowObjectsJS()[0]!;
}

describe('recording calls analysed by queue workers', () => {
  let temp: TempFolder;
  let analysed: AnalysedCall[];
  let analyse: (name: string) => Promise<AnalysedCall>;
  beforeAll(async () => {
    temp = await createTempFolder();
    const config = await resolveAnalyzeConfig(toAnalyzeConfigSpec(resolveSettings({ flags: { modelsDir: temp.file('no-models') } })), silentEffects);
    analyse = (name) => analyzeForRecording({ source: path.join(samplesDir, name), agentChannel: 0, known: {}, transcriptPath: null }, config, silentEffects);
    analysed = [await analyse('en-01-billing-dispute.wav'), await analyse('hu-01-billing-dispute.wav')];
  });
  afterAll(() => temp.remove());

  it('names a run by its content: the same recording analysed twice gives the same run id', async () => {
    const again = await analyse('en-01-billing-dispute.wav');
    expect(again.run.runId).toBe(analysed[0]!.run.runId);
    expect(analysed[1]!.run.runId).not.toBe(analysed[0]!.run.runId);
  });

  it('stores a result delivered twice, in one batch or in two, once', async () => {
    const store = await openStore(temp.file('twice.duckdb'));
    try {
      const [first, second] = analysed as [AnalysedCall, AnalysedCall];
      const fates = await recordAnalysedCalls(store, [first, second, first]);
      expect(fates.map((fate) => fate?.status ?? null)).toEqual(['ok', 'ok', null]);
      expect(await recordAnalysedCalls(store, [second])).toEqual([null]);
      expect(await counts(store)).toEqual({ calls: 2, runs: 2, scores: 2, replaced: 0 });
    } finally {
      store.close();
    }
  });

  it('a result the store refuses fails alone: the rest of its batch is stored', async () => {
    const store = await openStore(temp.file('refused.duckdb'));
    try {
      const [good, other] = analysed as [AnalysedCall, AnalysedCall];
      const outcome = structuredClone(other.outcome);
      // A null text violates utterances.text NOT NULL, half-way through the call's rows.
      outcome.result.utterances = [{ party: 'agent', start: 0, end: 1, text: null as unknown as string }];
      const refused: AnalysedCall = { run: { ...other.run, runId: 'refused-run' }, outcome };
      const fates = await recordAnalysedCalls(store, [good, refused]);
      expect(fates.map((fate) => fate?.status)).toEqual(['ok', 'error']);
      expect(fates[1]).toMatchObject({ error: { code: 'CQA_ERR_STORE_WRITE' } });
      expect(await counts(store)).toEqual({ calls: 1, runs: 2, scores: 1, replaced: 0 });
    } finally {
      store.close();
    }
  });
});
