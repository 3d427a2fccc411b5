import { describe, expect, it } from 'vitest';
import type { ThresholdCheck } from './check-thresholds.ts';
import type { Figures } from './measure.ts';
import { buildReport, formatReport, type RecordingOutcome } from './report.ts';

const recordings: RecordingOutcome[] = [
  { label: 'calls/en-01.wav', language: 'en', status: 'ok' },
  { label: 'variants/en-01.mp3', language: 'en', status: 'ok' },
];
const groups: Record<string, Figures> = {
  en: {
    'hold.f1': { value: 0.5, n: 4, unit: 'score' },
    'talk_time.agent.max_error': { value: 0.031, n: 2, unit: 'share' },
    'rule.greeting.agreement': { value: null, reason: 'rule absent from every result', unit: 'share' },
  },
};
const holdCheck: ThresholdCheck = { group: 'en', figure: 'hold.f1', bound: 'min', limit: 0.95, value: 0.5, status: 'fail' };
const ruleCheck: ThresholdCheck = {
  group: 'en', figure: 'rule.greeting.agreement', bound: 'min', limit: 0.9, value: null, status: 'not available', reason: 'rule absent from every result',
};

describe('buildReport', () => {
  it('passes when every available check passes, whatever is not available', () => {
    const report = buildReport(recordings, groups, [ruleCheck]);
    expect(report.verdict).toEqual({
      passed: true,
      line: 'eval: PASS — 0 of 0 available checks below threshold, 0 of 2 recordings failed to analyse, 1 checks not available',
    });
  });

  it('fails on a check below threshold or a recording that failed to analyse', () => {
    expect(buildReport(recordings, groups, [holdCheck, ruleCheck]).verdict.passed).toBe(false);
    const broken: RecordingOutcome[] = [...recordings, { label: 'variants/en-01.mono.wav', language: 'en', status: 'error', error: 'CQA_ERR_INPUT_CORRUPT: …' }];
    expect(buildReport(broken, groups, [ruleCheck]).verdict.passed).toBe(false);
  });
});

describe('formatReport', () => {
  it('prints a row per figure, marks failures, lists what is not available and ends with the verdict', () => {
    const text = formatReport(buildReport(recordings, groups, [holdCheck, ruleCheck]));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('callqa eval: 2 recordings (en 2)');
    expect(lines.find((line) => line.startsWith('hold.f1'))).toMatch(/^hold\.f1\s+0\.50 \(4\) ✗\s+≥ 0\.95$/);
    expect(lines.find((line) => line.startsWith('talk_time.agent.max_error'))).toMatch(/3\.1 % \(2\)$/);
    expect(lines.find((line) => line.startsWith('rule.greeting'))).toMatch(/not available\s+≥ 90\.0 %$/);
    expect(text).toContain('  en       hold.f1 = 0.50, needs ≥ 0.95');
    expect(text).toContain('  rule absent from every result:\n    rule.greeting.agreement');
    expect(lines.at(-1)).toMatch(/^eval: FAIL — 1 of 1 available checks below threshold/);
  });
});
