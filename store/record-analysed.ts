/**
 * The single writer's side of the analysis queue: calls analysed by workers are stored here in
 * batches, one transaction per batch (a commit per call would cap the writer at what the disk
 * syncs per second). Delivery is at least once, so a run already recorded is skipped: its id
 * is a hash of its content (`analyzeForRecording`).
 */
import { recordAnalysedCall, type AnalysedCall, type CallWriter, type RecordedCall } from '../pipeline/record-call.ts';
import { storeWriter, writerInTransaction } from './call-writer.ts';
import type { Store } from './open-store.ts';
import { findRecordedRunIds } from './runs.ts';
import { inTransaction } from './transaction.ts';

/** What became of each call, in order: `null` for one recorded before (a repeated delivery). */
export type AnalysedCallFate = RecordedCall | null;

/**
 * Records the calls in one transaction. When that fails (one result the store refuses), each
 * is recorded on its own, so one bad result neither holds back the others nor is lost silently.
 */
export async function recordAnalysedCalls(store: Store, calls: readonly AnalysedCall[]): Promise<AnalysedCallFate[]> {
  const recorded = await findRecordedRunIds(store, calls.map((call) => call.run.runId));
  // Positions of the calls to record: each run once, at its first place.
  const freshAt: number[] = [];
  calls.forEach((call, index) => {
    if (recorded.has(call.run.runId)) return;
    recorded.add(call.run.runId);
    freshAt.push(index);
  });
  const fresh = freshAt.map((index) => calls[index]!);
  let fates: RecordedCall[];
  try {
    fates = await inTransaction(store.connection, () => recordEach(fresh, writerInTransaction(store)));
  } catch {
    fates = await recordEach(fresh, storeWriter(store));
  }
  const byPosition: AnalysedCallFate[] = calls.map(() => null);
  freshAt.forEach((position, index) => (byPosition[position] = fates[index]!));
  return byPosition;
}

async function recordEach(calls: readonly AnalysedCall[], writer: CallWriter): Promise<RecordedCall[]> {
  const fates: RecordedCall[] = [];
  for (const call of calls) fates.push(await recordAnalysedCall(call, writer));
  return fates;
}
