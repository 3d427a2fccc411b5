/**
 * Generates the robustness corpus: every script of `eval/robustness/scripts/` is synthesized
 * and mixed once by the sample generator, band-limited, then degraded and stored under each
 * condition of `conditions.json`: `<outDir>/<condition>/<call>.<ext>` with its exact truth
 * beside it (`<call>.truth.json`, as the samples have it).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import type { Effects } from '../../core/effects.ts';
import { mapLimited } from '../../samples/generator/exec.ts';
import { renderCall } from '../../samples/generator/generate-call.ts';
import { createPrng, hashSeed } from '../../samples/generator/prng.ts';
import { listScriptFiles, loadAgents, loadScript } from '../../samples/generator/script.ts';
import { loadConditions } from './conditions.ts';
import { degradeChannels } from './degrade.ts';
import { bandLimit, writeConditionAudio } from './encode-condition.ts';

export const robustnessDir = import.meta.dirname;
export const defaultCorpusDir = path.resolve(robustnessDir, '..', '..', 'data', 'robustness');

export interface GenerateCorpusOptions {
  outDir: string;
  /** Call names to generate; empty means all. */
  onlyCalls?: readonly string[];
  /** Condition names to apply; empty means all. */
  onlyConditions?: readonly string[];
  effects: Effects;
}

export interface CorpusSummary {
  calls: number;
  recordings: number;
  audioS: number;
}

/** Validates every script and condition first, then generates call by call. */
export async function generateCorpus(options: GenerateCorpusOptions): Promise<CorpusSummary> {
  const agents = await loadAgents(path.join(robustnessDir, 'agents.json'));
  const files = await listScriptFiles(path.join(robustnessDir, 'scripts'), options.onlyCalls);
  const scripts = await Promise.all(files.map((file) => loadScript(file, agents)));
  const conditions = await loadConditions(undefined, options.onlyConditions);
  const tmpDir = await mkdtemp(path.join(tmpdir(), 'callqa-robustness-'));
  const cores = availableParallelism();
  let audioS = 0;
  try {
    for (const script of scripts) {
      const started = options.effects.now();
      const { stereo, truth } = await renderCall(script, tmpDir, cores * 2);
      const clean = await bandLimit(stereo);
      await mapLimited(conditions, cores, async (condition) => {
        const folder = path.join(options.outDir, condition.name);
        await mkdir(folder, { recursive: true });
        // Seeded by call and condition, so each condition's noise is its own and repeatable.
        const prng = createPrng(hashSeed(`${script.name}:${condition.name}`));
        const degraded = degradeChannels(condition.steps, clean, truth.utterances, prng);
        const stem = path.join(folder, script.name);
        await writeConditionAudio(degraded, condition.encoding, stem);
        await writeFile(`${stem}.truth.json`, `${JSON.stringify({ ...truth, sample_rate_hz: condition.encoding.rateHz }, null, 2)}\n`);
      });
      audioS += truth.duration_s * conditions.length;
      options.effects.log(`${script.name}: ${truth.duration_s.toFixed(1)} s × ${conditions.length} conditions (${options.effects.now() - started} ms)`);
    }
    return { calls: scripts.length, recordings: scripts.length * conditions.length, audioS };
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
}
