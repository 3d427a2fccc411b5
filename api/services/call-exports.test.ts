import { describe, expect, it } from 'vitest';
import type { CallSummary } from '../schemas/call-summary.ts';
import { toCsv } from './call-exports.ts';

const row: CallSummary = {
  call_id: '0123456789abcdef', file_name: 'a "quoted", name.wav', channel: 'voice', first_analysed_at: '2025-01-01T00:00:00.000Z',
  analysed_at: '2025-01-01T00:00:00.000Z', duration_s: 12.5, channels: null, language: null, agent_id: '=HYPERLINK("x")',
  started_at: '2024-12-01T09:30:00', queue: null, direction: 'inbound',
  score: -1, machine_score: null, score_overridden: true, failed_rules: ['a', '-b'], uncertain_rules: ['c'], needs_review: true,
};

describe('toCsv', () => {
  it('quotes per RFC 4180, leaves nulls empty and defuses text a spreadsheet would run', () => {
    const [, line] = toCsv([row]).split('\r\n');
    expect(line).toBe(`0123456789abcdef,"a ""quoted"", name.wav",2025-01-01T00:00:00.000Z,2025-01-01T00:00:00.000Z,12.5,,,"'=HYPERLINK(""x"")",2024-12-01T09:30:00,,inbound,voice,-1,,true,a;-b,c,true`);
  });
});
