/**
 * `npm run robustness [-- --out DIR] [--calls NAME,…] [--conditions NAME,…]`: writes the
 * robustness corpus (default data/robustness/, ignored by git). See eval/robustness/README.md.
 */
import { parseArgs } from 'node:util';
import { createStderrEffects } from '../../core/effects.ts';
import { defaultCorpusDir, generateCorpus } from './generate-corpus.ts';

const list = (value: string | undefined): string[] => value?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
const effects = createStderrEffects();
const started = effects.now();
try {
  const { values } = parseArgs({ options: { out: { type: 'string' }, calls: { type: 'string' }, conditions: { type: 'string' } } });
  const summary = await generateCorpus({
    outDir: values.out ?? defaultCorpusDir,
    onlyCalls: list(values.calls),
    onlyConditions: list(values.conditions),
    effects,
  });
  effects.log(`${summary.recordings} recordings (${summary.calls} calls), ${(summary.audioS / 60).toFixed(0)} min of audio in ${((effects.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  effects.log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
