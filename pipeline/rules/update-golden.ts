// `npm run golden`: rewrites every golden/<case>/expected.json from its input.json with
// today's rules, packs and scorecard. Run on purpose only, then review the diff; never in CI.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectedFileName, goldenDir, listGoldenCases, loadGoldenInput, renderGolden, runGoldenCase } from './golden.test-helper.ts';

const changed: string[] = [];
const cases = await listGoldenCases();
for (const caseName of cases) {
  const file = join(goldenDir, caseName, expectedFileName);
  const text = renderGolden(await runGoldenCase(await loadGoldenInput(caseName)));
  const before = await readFile(file, 'utf8').catch(() => null);
  if (before === text) continue;
  await writeFile(file, text);
  changed.push(caseName);
}
process.stderr.write(`golden: ${cases.length} cases, ${changed.length} rewritten${changed.map((name) => `\n  ${name}`).join('')}\n`);
