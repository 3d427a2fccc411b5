import { defineCommand, runMain } from 'citty';
import { callqaVersion } from '../pipeline/version.ts';
import { analyzeCommand } from './analyze-command.ts';

export const mainCommand = defineCommand({
  meta: { name: 'callqa', version: callqaVersion, description: 'Call-quality analytics for contact centres' },
  subCommands: { analyze: analyzeCommand },
});

await runMain(mainCommand);
