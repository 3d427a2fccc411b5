/**
 * Two small recordings made with ffmpeg, analysed by the real pipeline (analyzeCall) and
 * recorded by the real writer. Tones carry no words, so what speech would have produced
 * (agent, language, transcript, rules, score) is filled in as the text stages would.
 */
import { analyzeCall } from '../pipeline/analyze.ts';
import type { AnalyzeConfig } from '../pipeline/analyze-config.ts';
import { silentEffects } from '../core/effects.ts';
import type { CallResult } from '../pipeline/result/call-result.ts';
import { analyzeAndRecord, type AnalyzeStep } from '../pipeline/record-call.ts';
import { storeWriter, type Store } from '../store/index.ts';
import { makeToneRecording } from '../pipeline/ingest/audio-fixtures.test-helper.ts';

export type TextStageFindings = Pick<CallResult, 'agent_id' | 'language' | 'utterances' | 'events' | 'rules' | 'score'>;

export const seedFindings: readonly TextStageFindings[] = [
  {
    agent_id: 'agent-7', language: 'en', score: 72,
    utterances: [
      { party: 'agent', start: 0.2, end: 1.4, text: 'Good morning, Acme billing, this is Dana.' },
      { party: 'customer', start: 1.6, end: 2.6, text: 'I was charged twice for roaming.' },
      { party: 'agent', start: 2.8, end: 3.8, text: 'Let me check that for you.' },
    ],
    events: [
      { type: 'hold', start: 2.0, end: 3.0, kind: 'music', consented: false },
      { type: 'interruption', by: 'agent', start: 1.5, end: 1.7, overlap_s: 0.2 },
    ],
    rules: [
      { id: 'greeting', status: 'pass', count: 1, evidence: [{ start: 0.2, end: 1.4, party: 'agent', text: 'Good morning, Acme billing, this is Dana.' }] },
      { id: 'hold-consent', status: 'fail', count: 1, evidence: [{ start: 2.0, end: 3.0, party: 'agent', text: '' }] },
    ],
  },
  {
    agent_id: 'agent-9', language: 'hu', score: 40,
    utterances: [
      { party: 'agent', start: 0.1, end: 1.0, text: 'Jó napot, miben segíthetek?' },
      { party: 'customer', start: 1.2, end: 2.4, text: '=cmd a számlámról van szó' },
    ],
    events: [],
    rules: [
      { id: 'greeting', status: 'fail', count: 0, evidence: [] },
      { id: 'hold-consent', status: 'n/a', count: 0, evidence: [] },
      { id: 'thanks-closing', status: 'uncertain', count: 1, uncertain_reason: 'speech-to-text confidence 0.31 is below 0.5', evidence: [{ start: 0.1, end: 1.0, party: 'agent', text: 'Jó napot, miben segíthetek?' }] },
    ],
  },
];

/** Writes recording `index` (distinct bytes per index) and returns its path. */
export async function makeSeedRecording(folder: string, index: number): Promise<string> {
  return makeToneRecording(`${folder}/call-${index}.wav`, {
    durationS: 4, sampleRateHz: 8000, channelAmplitudes: [0.2 + 0.05 * index, 0.1], codecArgs: ['-c:a', 'pcm_mulaw'],
  });
}

/** Analyses a recording with the real pipeline and records it, with the given later-stage findings, through the real writer. */
export async function analyzeAndSave(store: Store, recordingPath: string, findings: TextStageFindings, config: AnalyzeConfig): Promise<string> {
  const request = { source: recordingPath, agentChannel: 0 as const, known: { agent_id: findings.agent_id }, transcriptPath: null };
  const withFindings: AnalyzeStep = async (...args) => {
    const outcome = await analyzeCall(...args);
    if (outcome.status !== 'ok') throw new Error(`seed recording failed: ${outcome.result.error?.message}`);
    const { result } = outcome;
    const event_types_checked = [...new Set([...result.event_types_checked, ...findings.events.map((event) => event.type)])];
    return { ...outcome, result: { ...result, ...findings, event_types_checked } };
  };
  const recorded = await analyzeAndRecord(request, config, storeWriter(store), silentEffects, withFindings);
  if (recorded.status !== 'ok') throw new Error(`seed recording was not stored: ${recorded.error.message}`);
  return recorded.result.call_id;
}
