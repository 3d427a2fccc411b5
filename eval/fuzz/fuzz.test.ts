import { describe, expect, it } from 'vitest';
import type { FuzzCase } from './fuzz-cases.ts';
import { classify, failingOutcomes } from './run-cases.ts';
import { formatFuzzReport, runFuzz } from './run-fuzz.ts';

const wav: FuzzCase = { filePath: '/tmp/fuzz/0001-call.wav', family: 'header-flip', container: 'wav-pcm16', expect: { kind: 'same', durationS: 3, channels: 2 } };
const ok = (durationS: number, channels = 2) => ({ source: wav.filePath, status: 'ok' as const, duration_s: durationS, channels });
const failed = (code: string, message: string) => ({ source: wav.filePath, status: 'error' as const, duration_s: null, channels: null, error: { code, message } });

describe('fuzz outcome', () => {
  it('an ok is correct only with the source length and channels; a lying header that passes is a wrong ok', () => {
    expect(classify(wav, ok(3.1)).outcome).toBe('correct-ok');
    expect(classify(wav, ok(1.5)).outcome).toBe('wrong-ok');
    expect(classify(wav, ok(3, 1)).outcome).toBe('wrong-ok');
    expect(classify({ ...wav, expect: { kind: 'error' } }, ok(3)).outcome).toBe('wrong-ok');
    const cut: FuzzCase = { ...wav, expect: { kind: 'held', durationS: 10, fraction: 0.5, channels: 2 } };
    expect(classify(cut, ok(5)).outcome).toBe('correct-ok');
    expect(classify(cut, ok(10)).outcome).toBe('wrong-ok');
  });

  it('an error is clear only with a catalogue code other than internal and a message naming the file', () => {
    expect(classify(wav, failed('CQA_ERR_INPUT_BAD_HEADER', '/tmp/fuzz/0001-call.wav: invalid WAV header')).outcome).toBe('clear-error');
    expect(classify(wav, failed('CQA_ERR_INPUT_BAD_HEADER', 'invalid WAV header')).outcome).toBe('unclear-error');
    expect(classify(wav, failed('CQA_ERR_INTERNAL', '/tmp/fuzz/0001-call.wav: internal error')).outcome).toBe('internal-error');
    const withTranscript = { ...wav, alsoNamed: '0001-call.transcript.json' };
    expect(classify(withTranscript, failed('CQA_ERR_CONFIG_INVALID', 'transcript 0001-call.transcript.json: bad JSON')).outcome).toBe('clear-error');
  });
});

describe('fuzz slice', () => {
  it('100 malformed files through callqa analyze: clear errors or correct results, no hang, stored calls unchanged', async () => {
    const report = await runFuzz(
      { sources: ['en-01-billing-dispute'], stored: ['en-02-delivery-delay'], seed: 17, sliceSize: 100, batchSize: 100, stallS: 120, cutS: 3 },
      () => undefined,
    );
    const failures = report.outcomes.filter(({ outcome }) => failingOutcomes.has(outcome));
    expect(failures.map(({ fuzzCase, outcome, detail }) => `${outcome}: ${fuzzCase.filePath} (${fuzzCase.family}): ${detail}`)).toEqual([]);
    expect(report.changedTables).toEqual([]);
    expect(report.outcomes).toHaveLength(100);
    const families = new Set(report.outcomes.map(({ fuzzCase }) => fuzzCase.family));
    expect([...families].sort()).toEqual(expect.arrayContaining(['clean', 'data-flip', 'header-flip', 'playlist', 'special', 'text-renamed', 'transcript', 'truncation', 'wav-field', 'zero-length']));
    const counts = (outcome: string) => report.outcomes.filter((entry) => entry.outcome === outcome).length;
    expect(counts('clear-error')).toBeGreaterThan(30);
    expect(counts('correct-ok')).toBeGreaterThan(20);
    expect(formatFuzzReport(report)).toContain('stored calls: 1 unchanged');
  }, 240_000);
});
