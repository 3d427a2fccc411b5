import { describe, expect, it } from 'vitest';
import { recordedOutcome, type AnalysisJobReturn } from './redis-queues.ts';

describe('recordedOutcome', () => {
  const analysed: AnalysisJobReturn = { runId: 'run-1', status: 'ok', callId: '0123456789abcdef', durationS: 41, error: null };

  it('is an error when the writer refused an ok analysis, so enqueue and the job list never count it stored', () => {
    const refused = { code: 'CQA_ERR_STORE_WRITE', message: 'disk full' };
    expect(recordedOutcome(analysed, { status: 'error', error: refused })).toEqual({ ...analysed, status: 'error', callId: null, error: refused });
  });

  it('keeps the analysis when it was stored, stored before, or its result job is gone', () => {
    expect(recordedOutcome(analysed, { status: 'ok', callId: '0123456789abcdef' })).toBe(analysed);
    expect(recordedOutcome(analysed, { status: 'duplicate' })).toBe(analysed);
    expect(recordedOutcome(analysed, undefined)).toBe(analysed);
  });
});
