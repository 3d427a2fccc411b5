import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../core/effects.ts';
import { generateSamples } from './generator/generate-samples.ts';
import { loadAgents, loadScript } from './generator/script.ts';

const samplesDir = fileURLToPath(new URL('.', import.meta.url));
const tempDirs: string[] = [];

async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'callqa-samples-test-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const entries = files.filter((f) => f.isFile()).map(async (f) => {
    const path = join(f.parentPath, f.name);
    return [path.slice(dir.length), await readFile(path)] as const;
  });
  return new Map(await Promise.all(entries));
}

describe('generateSamples', () => {
  it('gives byte-identical truth, transcripts and audio when run twice', async () => {
    const only = ['en-03-tariff-change', 'hu-06-address-change'];
    const [first, second] = [await makeTempDir(), await makeTempDir()];
    await generateSamples({ samplesDir, outDir: first, only, effects: silentEffects });
    await generateSamples({ samplesDir, outDir: second, only, effects: silentEffects });
    const [a, b] = [await readTree(first), await readTree(second)];
    expect([...a.keys()].sort()).toEqual([
      '/calls/en-03-tariff-change.meta.json', '/calls/en-03-tariff-change.transcript.json', '/calls/en-03-tariff-change.truth.json',
      '/calls/en-03-tariff-change.wav',
      '/calls/hu-06-address-change.meta.json', '/calls/hu-06-address-change.transcript.json', '/calls/hu-06-address-change.truth.json',
      '/calls/hu-06-address-change.wav',
      '/variants/hu-06-address-change.mono.truth.json', '/variants/hu-06-address-change.mono.wav',
      '/variants/hu-06-address-change.mp3', '/variants/hu-06-address-change.truth.json',
    ]);
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path) ?? Buffer.alloc(0)), path).toBe(true);
  }, 60_000);

  it('reports a timing problem with the file and the turn', async () => {
    const dir = await makeTempDir();
    const script = JSON.parse(await readFile(join(samplesDir, 'scripts/en-03-tariff-change.json'), 'utf8'));
    script.turns[2].agent = 'I see, I see, yes, that makes perfect sense to me';
    await writeFile(join(dir, 'agents.json'), await readFile(join(samplesDir, 'agents.json')));
    await mkdir(join(dir, 'scripts'));
    await writeFile(join(dir, 'scripts/en-03-tariff-change.json'), JSON.stringify(script));
    await expect(generateSamples({ samplesDir: dir, outDir: dir, effects: silentEffects }))
      .rejects.toThrow(/en-03-tariff-change\.json: turns\[2\]: backchannel lasts [\d.]+ s; keep it under 0\.6 s/);
  }, 30_000);
});

describe('loadScript', () => {
  const agentsPromise = loadAgents(join(samplesDir, 'agents.json'));
  async function loadEdited(edit: (script: { turns: Record<string, unknown>[] }) => void): Promise<[string, Promise<unknown>]> {
    const script = JSON.parse(await readFile(join(samplesDir, 'scripts/en-01-billing-dispute.json'), 'utf8'));
    edit(script);
    const file = join(await makeTempDir(), 'en-01-billing-dispute.json');
    await writeFile(file, JSON.stringify(script));
    return [file, loadScript(file, await agentsPromise)];
  }

  it('names the file and the misspelt field', async () => {
    const [file, loading] = await loadEdited((s) => {
      s.turns[11] = { customer: 'Five days?', interupts: { overlap_s: 1 } };
    });
    await expect(loading).rejects.toThrow(`${file}: turns[11].interupts: unknown field`);
  });

  it('names the file and the nested field that is out of range', async () => {
    const [file, loading] = await loadEdited((s) => {
      s.turns[11] = { customer: 'Five days?', interrupts: { overlap_s: 3.2 } };
    });
    await expect(loading).rejects.toThrow(`${file}: turns[11].interrupts.overlap_s: expected a number from 0.6 to 2.5, got 3.2`);
  });

  it('rejects a tag on the wrong party', async () => {
    const [file, loading] = await loadEdited((s) => {
      s.turns[1] = { customer: 'Hi.', tags: ['pending', 'sharp'] };
    });
    await expect(loading).rejects.toThrow(`${file}: turns[1].tags[1]: tag "sharp" does not apply to customer lines`);
  });

  it('rejects a cut-off line that nobody interrupts', async () => {
    const [file, loading] = await loadEdited((s) => {
      s.turns[4] = { customer: 'Four four seven, | one two nine.' };
    });
    await expect(loading).rejects.toThrow(`${file}: turns[4]: a line with the cut marker "|" must be followed by a line with "interrupts"`);
  });
});
