export { openStore, defaultDbPath, type Store } from './open-store.ts';
export { createCallWriter, rebuildSearchIndex, storeWriter, saveCall, type StoreAccess } from './call-writer.ts';
export { recordAnalysedCalls, type AnalysedCallFate } from './record-analysed.ts';
export { assignAgent } from './call-facts.ts';
