import { readFileSync } from 'node:fs';

/** The package version, recorded with every analysis run so results can be traced to code. */
export const callqaVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
