import { createStderrEffects, type Effects } from '../core/effects.ts';
import { toCallqaError } from '../core/errors.ts';

/**
 * Runs a command's body with stderr effects; any failure becomes one line on stderr
 * (`callqa: CODE: message`) and the catalogue's exit code, so no command exits 0 on failure.
 */
export async function reportFailures(work: (effects: Effects) => Promise<void>): Promise<void> {
  const effects = createStderrEffects();
  try {
    await work(effects);
  } catch (thrown) {
    const error = toCallqaError(thrown);
    effects.log(`callqa: ${error.code}: ${error.message}`);
    process.exitCode = error.exitCode;
  }
}
