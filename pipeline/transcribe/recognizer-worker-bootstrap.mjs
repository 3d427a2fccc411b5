// Plain JavaScript on purpose: Node 20 workers inherit neither the parent's tsx loader nor
// `--import tsx` from execArgv, so this registers tsx in the worker, then loads the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./recognizer-worker.ts');
