/**
 * Regenerates the bundled sample calls:
 *   npx tsx samples/generate.ts [--out DIR] [--only NAME,...]
 * Writes DIR/calls and DIR/variants (DIR defaults to samples/). See samples/README.md.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createStderrEffects } from '../core/effects.ts';
import { generateSamples } from './generator/generate-samples.ts';

const samplesDir = fileURLToPath(new URL('.', import.meta.url));
const effects = createStderrEffects();
const started = effects.now();
try {
  const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' } } });
  const truths = await generateSamples({
    samplesDir,
    outDir: values.out ?? samplesDir,
    only: values.only?.split(',').map((name) => name.trim()).filter(Boolean) ?? [],
    effects,
  });
  const totalS = truths.reduce((sum, truth) => sum + truth.duration_s, 0);
  effects.log(`${truths.length} calls, ${totalS.toFixed(0)} s of audio in ${((effects.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  effects.log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
