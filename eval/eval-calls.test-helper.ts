/** Small hand-made truth/result pairs for the eval's unit tests. */
import type { CallResult } from '../pipeline/result/call-result.ts';
import type { CallTruth } from './load-truth.ts';
import type { EvaluatedCall } from './measure.ts';

export function createTruth(overrides: Partial<CallTruth> = {}): CallTruth {
  return {
    schema: 'callqa.truth/1',
    name: 'en-99-test',
    language: 'en',
    agent_id: 'en-a01',
    quality: 'average',
    duration_s: 60,
    sample_rate_hz: 8000,
    channels: 2,
    utterances: [],
    events: [],
    // The real files carry all 18 rule ids; a test names only those it is about.
    rules: {} as CallTruth['rules'],
    statements: { agent: { i: 0, you: 0 } },
    ...overrides,
  };
}

/** A result of an audio stage that checked interruptions, backchannels, holds and dead air. */
export function createResult(overrides: Partial<CallResult> = {}): CallResult {
  return {
    schema: 'callqa.call/1',
    call_id: '0123456789abcdef',
    source: 'test.wav',
    sha256: '0'.repeat(64),
    status: 'ok',
    container: 'wav',
    codec: 'pcm_mulaw',
    duration_s: 60,
    channels: 2,
    sample_rate: 8000,
    language: null,
    agent_id: null,
    channel_levels: [],
    parties: null,
    silence_s: null,
    overlap_s: null,
    transcript_source: null,
    utterances: [],
    event_types_checked: ['interruption', 'backchannel', 'hold', 'dead_air'],
    events: [],
    statements: null,
    rules: [],
    sentiment_source: null,
    score: null,
    ...overrides,
  };
}

export function createCall(truth: Partial<CallTruth>, result: Partial<CallResult>): EvaluatedCall {
  return { truth: createTruth(truth), result: createResult(result) };
}
