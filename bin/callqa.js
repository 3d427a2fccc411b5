#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so `npx callqa` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
