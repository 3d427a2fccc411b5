import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../core/effects.ts';
import { judgeCall, loadJudgeConfig, type JudgeConfig } from './judge-call.ts';
import { loadRedactConfig, redactCall, type RedactConfig } from './redact-call.ts';
import { isSameJudgement, rescoreResult } from './rescore.ts';
import { judgedFields, type OkCallResult } from './result/build-result.ts';
import { languages, type CallEvent, type EventType, type Language, type Utterance } from './result/call-result.ts';
import { listGoldenCases, loadGoldenInput } from './rules/golden.test-helper.ts';

interface Transcript {
  name: string;
  language: Language;
  utterances: Utterance[];
  events: CallEvent[];
  eventTypesChecked: EventType[];
}

const samplesDir = path.resolve(import.meta.dirname, '../samples/calls');
let config: JudgeConfig & RedactConfig;
let transcripts: Transcript[];

beforeAll(async () => {
  const judging = await loadJudgeConfig({ languages, rulePacksDir: null, scorecardPath: null });
  config = { ...judging, ...loadRedactConfig('text', judging.rulePacks) };
  const samples = readdirSync(samplesDir).filter((name) => name.endsWith('.transcript.json')).map((name): Transcript => ({
    name, language: name.slice(0, 2) as Language, events: [], eventTypesChecked: [],
    utterances: (JSON.parse(readFileSync(path.join(samplesDir, name), 'utf8')) as { utterances: Utterance[] }).utterances,
  }));
  const golden = await Promise.all((await listGoldenCases()).map(async (name) => ({ name, ...(await loadGoldenInput(name)) })));
  transcripts = [...samples, ...golden];
});

/** Judged as analysis judges: with redaction, the rules read the masked transcript. */
function judged(transcript: Transcript, redaction: RedactConfig['redaction']): OkCallResult {
  const redacted = redactCall({ source: null, language: transcript.language, utterances: transcript.utterances }, transcript.events, { ...config, redaction });
  const judgement = judgeCall({
    language: transcript.language, channel: 'voice', utterances: redacted.transcript.utterances, audioEvents: transcript.events,
    audioEventTypesChecked: transcript.eventTypesChecked, sentimentModelId: null,
  }, config, silentEffects);
  if (!judgement) throw new Error(`${transcript.name} has utterances and a pack: it is always judged`);
  const sha256 = 'c0'.repeat(32);
  return JSON.parse(JSON.stringify({
    schema: 'callqa.call/1', call_id: sha256.slice(0, 16), source: 'call.wav', sha256, status: 'ok', container: 'wav', codec: 'pcm_mulaw',
    duration_s: 60, channels: 2, sample_rate: 8000, language: transcript.language, agent_id: null, channel_levels: [], parties: null,
    silence_s: null, overlap_s: null, transcript_source: 'import:call.json', audio_event_types_checked: transcript.eventTypesChecked,
    utterances: redacted.transcript.utterances, ...judgedFields(judgement), ...(redacted.redaction && { redaction: redacted.redaction }),
  })) as OkCallResult;
}

const sampleOf = (prefix: string) => transcripts.find((transcript) => transcript.name.startsWith(prefix))!;

describe('redactCall', () => {
  it('masks the values the samples say (account, order, contract numbers in en, ru and hu), word for word', () => {
    const spans = transcripts.filter((transcript) => transcript.name.endsWith('.transcript.json')).flatMap((transcript) => judged(transcript, 'text').redaction?.spans ?? []);
    expect(spans.filter((span) => span.kind === 'data-item').length).toBeGreaterThanOrEqual(6);
    const text = judged(sampleOf('en-01'), 'text').utterances.map((utterance) => utterance.text).join(' ');
    expect(text).toContain('[data-item] [data-item] [data-item], [data-item] [data-item] [data-item].');
    expect(text).not.toMatch(/four four seven/i);
    expect(JSON.stringify(judged(sampleOf('ru-02'), 'text'))).not.toMatch(/пять семь три девять/i);
  });

  it('quotes only masked text as evidence', () => {
    const stored = judged(sampleOf('ru-02'), 'text');
    const quoted = stored.rules.flatMap((rule) => rule.evidence.filter((item) => item.party !== 'unknown').map((item) => item.text));
    expect(quoted.some((text) => text.includes('[data-item]'))).toBe(true);
    for (const text of quoted) expect(stored.utterances.map((utterance) => utterance.text)).toContain(text);
  });

  it('gives the verdicts the raw text gives, and a rescore of the stored text changes nothing', () => {
    let redactedCalls = 0;
    for (const transcript of transcripts) {
      const raw = judged(transcript, 'off');
      const stored = judged(transcript, 'text');
      if ((stored.redaction?.spans.length ?? 0) > 0) redactedCalls += 1;
      expect(stored.rules.map((rule) => [rule.id, rule.status, rule.count]), transcript.name).toEqual(raw.rules.map((rule) => [rule.id, rule.status, rule.count]));
      // A mask is a number to the rules: a Hungarian number said as one word ("hatszázhúsz, száz,
      // kétszázat", a callback number) is read as a number only once masked; the rules' own reading misses it.
      const readOnlyOnceMasked = (event: CallEvent, index: number) =>
        transcript.language === 'hu' && event.type === 'transfer' && event.callback_number_given === true && raw.events[index]?.type === 'transfer' && raw.events[index].callback_number_given === false;
      expect(stored.events.map((event, index) => (readOnlyOnceMasked(event, index) ? { ...event, callback_number_given: false } : event)), transcript.name).toEqual(raw.events);
      expect(isSameJudgement(stored, rescoreResult(stored, config, silentEffects)), transcript.name).toBe(true);
    }
    expect(redactedCalls).toBeGreaterThanOrEqual(8);
  });

  it('changes nothing with redaction off', () => {
    const transcript = transcripts[0]!;
    const kept = redactCall({ source: null, language: transcript.language, utterances: transcript.utterances }, [], { ...config, redaction: 'off' });
    expect(kept.redaction).toBeNull();
    expect(kept.transcript.utterances).toBe(transcript.utterances);
  });
});
