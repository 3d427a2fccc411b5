/**
 * Calls with chosen transcripts, built by the real result builder and stored by the real
 * writer (beginRun, saveCall), so the search index under test is the one analysis writes.
 */
import { createHash } from 'node:crypto';
import type { RecordingProbe } from '../../pipeline/ingest/index.ts';
import { buildCallResult } from '../../pipeline/result/build-result.ts';
import type { Language, Utterance } from '../../pipeline/result/call-result.ts';
import { storeWriter, type Store } from '../index.ts';

export interface TranscriptCall {
  /** Names the recording; the same name is the same call (its sha256 is derived from it). */
  name: string;
  language: Language;
  startedAt?: string;
  utterances: ReadonlyArray<Pick<Utterance, 'party' | 'start' | 'end' | 'text'> & { language?: Language }>;
}

let runNumber = 0;

/** Stores (or re-analyses, for a name seen before) a call with this transcript; returns its call id. */
export async function saveTranscriptCall(store: Store, call: TranscriptCall): Promise<string> {
  const source = `calls/${call.name}.wav`;
  const probe: RecordingProbe = {
    source, absolutePath: `/${source}`, sizeBytes: 1000, sha256: createHash('sha256').update(call.name).digest('hex'), container: 'wav',
    codec: 'pcm_mulaw', sampleRateHz: 8000, channels: 2, declaredDurationS: 60, hasVideo: false, tags: {},
  };
  const result = buildCallResult({
    agentId: null, agentChannel: 0, probe,
    metadata: { started_at: call.startedAt ?? null, queue: null, direction: null, customer_ref: null, custom: {}, sources: {} },
    acoustics: {
      durationS: 60, analysedSampleRateHz: 8000, channelLevels: [],
      speech: { segments: [], parties: null, silenceS: 0, overlapS: null, events: [], eventTypesChecked: [] },
    },
    transcript: { source: 'imported', language: call.language, utterances: call.utterances.map((utterance) => ({ ...utterance })) },
    judgement: null,
    sentiment: null,
    metrics: null,
  });
  const writer = storeWriter(store);
  const runId = `search-run-${++runNumber}`;
  await writer.beginRun({ runId, source, callqaVersion: 'test', options: {} });
  await writer.saveCall(runId, { status: 'ok', result, stageTimingsMs: {} });
  return result.call_id;
}
