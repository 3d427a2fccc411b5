export { openStore, defaultDbPath, type Store } from './open-store.ts';
export { saveCall, type StoredCall, type SpeechSegmentRow } from './write-call.ts';
export { beginRun, failRun, type RunStart } from './runs.ts';
