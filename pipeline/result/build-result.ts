import type { AudioAnalysis } from '../audio/index.ts';
import type { CallqaError } from '../errors.ts';
import type { RecordingProbe } from '../ingest/index.ts';
import type { CallResult } from './call-result.ts';

export type OkCallResult = CallResult & { status: 'ok'; call_id: string; sha256: string };

/** A call's id is a prefix of its content hash, so the same bytes are always the same call. */
export function callIdOf(sha256: string): string {
  return sha256.slice(0, 16);
}

const emptyFindings = {
  language: null,
  agent_id: null,
  parties: null,
  silence_s: null,
  overlap_s: null,
  transcript_source: null,
  utterances: [],
  event_types_checked: [],
  events: [],
  statements: null,
  rules: [],
  score: null,
} satisfies Partial<CallResult>;

export interface CallFindings {
  probe: RecordingProbe;
  acoustics: AudioAnalysis;
}

/** Assembles the callqa.call/1 object; fields of stages that have not run stay null or empty. */
export function buildCallResult({ probe, acoustics }: CallFindings): OkCallResult {
  return {
    schema: 'callqa.call/1',
    call_id: callIdOf(probe.sha256),
    source: probe.source,
    sha256: probe.sha256,
    status: 'ok',
    container: probe.container,
    codec: probe.codec,
    duration_s: Math.round(acoustics.durationS * 1000) / 1000,
    channels: probe.channels,
    sample_rate: probe.sampleRateHz,
    channel_levels: acoustics.channelLevels,
    ...emptyFindings,
  };
}

export function buildErrorResult(source: string, sha256: string | null, error: CallqaError): CallResult {
  return {
    schema: 'callqa.call/1',
    call_id: sha256 ? callIdOf(sha256) : null,
    source,
    sha256,
    status: 'error',
    error: { code: error.code, message: error.message },
    container: null,
    codec: null,
    duration_s: null,
    channels: null,
    sample_rate: null,
    channel_levels: [],
    ...emptyFindings,
  };
}
