import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languages } from '../result/call-result.ts';
import {
  expectedFileName, findGoldenDifferences, goldenDir, listGoldenCases, loadGoldenInput, renderGolden, runGoldenCase, type GoldenOutput,
} from './golden.test-helper.ts';

const caseNames = await listGoldenCases();
const regenerate = 'if the change is intended, run `npm run golden` and review the diff of expected.json';

describe('golden rule-pack folders', () => {
  it('hold at least 8 cases per language, each folder named after its input language', async () => {
    const inputLanguages = await Promise.all(caseNames.map(async (caseName) => (await loadGoldenInput(caseName)).language));
    expect(caseNames.filter((caseName, index) => !caseName.startsWith(`${inputLanguages[index]}-`))).toEqual([]);
    for (const language of languages) expect(inputLanguages.filter((code) => code === language).length, language).toBeGreaterThanOrEqual(8);
  });

  for (const caseName of caseNames) {
    it(caseName, async () => {
      const file = join(goldenDir, caseName, expectedFileName);
      expect(existsSync(file), `${caseName}: no ${expectedFileName}; run \`npm run golden\` and review it`).toBe(true);
      const expectedText = await readFile(file, 'utf8');
      const actualText = renderGolden(await runGoldenCase(await loadGoldenInput(caseName)));
      expect(findGoldenDifferences(JSON.parse(expectedText), JSON.parse(actualText)), `${caseName} differs from ${expectedFileName}; ${regenerate}`).toEqual([]);
      // Same values but other text (key order, layout) means expected.json was edited by hand.
      expect(actualText, `${caseName}: ${expectedFileName} is not in the generated layout; ${regenerate}`).toBe(expectedText);
    });
  }
});

describe('golden comparison', () => {
  const sample = async (): Promise<GoldenOutput> => runGoldenCase(await loadGoldenInput(caseNames[0] ?? ''));

  it('names the rule whose status changed, and a field the stage newly reports', async () => {
    const expected = await sample();
    const actual: GoldenOutput & { rulesResult: { uncertainRules?: string[] } } = structuredClone(expected);
    const [first] = actual.rulesResult.rules;
    if (!first) throw new Error('the sample case has no rule results');
    const original = { status: first.status, count: first.count };
    first.status = first.status === 'fail' ? 'pass' : 'fail';
    first.count += 1;
    actual.rulesResult.uncertainRules = ['greeting'];
    expect(findGoldenDifferences(JSON.parse(renderGolden(expected)), JSON.parse(renderGolden(actual)))).toEqual([
      `rule ${first.id}: expected ${original.status} (count ${original.count}), got ${first.status} (count ${first.count})`,
      'rulesResult.uncertainRules: new field, not in expected.json: ["greeting"]',
    ]);
  });

  it('names what changed in a rule whose status stayed, and a changed score', async () => {
    const expected = await sample();
    const actual = structuredClone(expected);
    const [first] = actual.rulesResult.rules;
    if (!first) throw new Error('the sample case has no rule results');
    first.weight = (first.weight ?? 0) + 5;
    actual.callScore.score = 12.5;
    expect(findGoldenDifferences(JSON.parse(renderGolden(expected)), JSON.parse(renderGolden(actual)))).toEqual([
      `callScore.score: expected ${JSON.stringify(expected.callScore.score)}, got 12.5`,
      `rule ${first.id}: expected ${first.status} (count ${first.count}), got ${first.status} (count ${first.count}); weight ${(first.weight ?? 0) - 5} -> ${first.weight}`,
    ]);
  });

  it('writes keys in a fixed order, whatever order the code builds them in', async () => {
    const output = await sample();
    const reversed = (value: unknown): unknown => Array.isArray(value) ? value.map(reversed)
      : typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversed(item)])) : value;
    expect(renderGolden(reversed(output) as GoldenOutput)).toBe(renderGolden(output));
  });
});
