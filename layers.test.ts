/**
 * The folders are layers, each importing only from the layers below it, and no module imports
 * itself round a circle. Tests (`*.test.ts`) sit on top of everything: a test beside the store
 * may drive the CLI. See the README's "Layers".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Bottom first; folders on one line form one layer. */
const layers: readonly (readonly string[])[] = [
  ['core'],
  ['models'],
  ['pipeline'],
  ['store'],
  ['config'],
  ['queue'],
  ['api'],
  ['cli'],
  ['bin', 'eval', 'bench', 'samples', 'schema', 'notebooks', 'web', '.'],
];

const repoRoot = path.dirname(new URL(import.meta.url).pathname);

function layerOf(file: string): number {
  const top = file.includes('/') ? file.slice(0, file.indexOf('/')) : '.';
  const index = layers.findIndex((folders) => folders.includes(top));
  if (index < 0) throw new Error(`${file}: folder "${top}" is in no layer; add it to layers.test.ts and the README`);
  return index;
}

const sourceFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], { cwd: repoRoot, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'));

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  return [...text.matchAll(importPattern)]
    .map((match) => path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1] ?? match[2]!)))
    .filter((target) => target.endsWith('.ts'));
}

const graph = new Map(sourceFiles.map((file) => [file, importsOf(file)]));

describe('layers', () => {
  it('finds the modules it checks', () => {
    expect(graph.get('pipeline/analyze.ts')).toContain('pipeline/analyze-config.ts');
    expect(graph.size).toBeGreaterThan(200);
  });

  it('no import runs up the layers', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => layerOf(target) > layerOf(file)).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  it('no store type reaches the orchestrator or a stage', () => {
    const intoStore = [...graph].filter(([file]) => file.startsWith('pipeline/'))
      .flatMap(([file, targets]) => targets.filter((target) => target.startsWith('store/')).map((target) => `${file} → ${target}`));
    expect(intoStore).toEqual([]);
  });

  it('no module imports itself round a circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });
});
