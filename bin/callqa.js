#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx callqa` needs no build step. Registering tsx
// costs about 0.25 s of CPU, more than the rest of `callqa --version` or `callqa --help`, so those
// two, which need no command's code, are answered here from the data cli/main.ts builds them from
// (package.json and cli/command-meta.json), with the same citty renderer; cli/main.test.ts checks
// that both paths print the same.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const readJson = (relativePath) => JSON.parse(readFileSync(new URL(relativePath, import.meta.url), 'utf8'));

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  console.log(readJson('../package.json').version);
} else if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
  const { showUsage } = await import('citty');
  const { callqa, commands } = readJson('../cli/command-meta.json');
  const subCommands = Object.fromEntries(Object.entries(commands).map(([name, meta]) => [name, { meta }]));
  await showUsage({ meta: { ...callqa, version: readJson('../package.json').version }, subCommands });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
