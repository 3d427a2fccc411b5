/** Generates the bundled sample calls from `samples/scripts/` (see samples/README.md). */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Effects } from '../../core/effects.ts';
import { generateCall } from './generate-call.ts';
import { listScriptFiles, loadAgents, loadScript } from './script.ts';
import type { CallTruth } from './truth.ts';

export interface GenerateSamplesOptions {
  /** The folder holding `agents.json` and `scripts/`. */
  samplesDir: string;
  /** Where `calls/` and `variants/` are written. */
  outDir: string;
  /** Call names to generate; empty means all. */
  only?: readonly string[];
  effects: Effects;
}

/**
 * Validates every chosen script first (so a typo fails before any synthesis), then
 * generates the calls one by one, each with parallel speech synthesis.
 */
export async function generateSamples(options: GenerateSamplesOptions): Promise<CallTruth[]> {
  const agents = await loadAgents(join(options.samplesDir, 'agents.json'));
  const files = await listScriptFiles(join(options.samplesDir, 'scripts'), options.only);
  const scripts = await Promise.all(files.map((file) => loadScript(file, agents)));
  const tmpDir = await mkdtemp(join(tmpdir(), 'callqa-samples-'));
  try {
    const truths: CallTruth[] = [];
    for (const script of scripts) {
      const started = options.effects.now();
      // espeak-ng and sox runs are short and partly wait on files: twice the cores keeps them busy.
      const truth = await generateCall(script, { outDir: options.outDir, tmpDir, concurrency: availableParallelism() * 2 });
      const events = truth.events.map((event) => event.type).join(', ') || 'no events';
      options.effects.log(`${script.name}: ${truth.duration_s.toFixed(1)} s, ${truth.quality}, ${events} (${options.effects.now() - started} ms)`);
      truths.push(truth);
    }
    return truths;
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
}
