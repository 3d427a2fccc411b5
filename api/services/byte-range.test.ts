import { describe, expect, it } from 'vitest';
import { resolveByteRange } from './byte-range.ts';

describe('resolveByteRange', () => {
  it.each([
    [undefined, { start: 0, end: 999, partial: false }],
    ['bytes=0-0', { start: 0, end: 0, partial: true }],
    ['bytes=10-2000', { start: 10, end: 999, partial: true }],
    ['bytes=-2000', { start: 0, end: 999, partial: true }],
    ['bytes=5-1', { start: 0, end: 999, partial: false }],
    ['bytes=0-1,5-9', { start: 0, end: 999, partial: false }],
    ['items=0-1', { start: 0, end: 999, partial: false }],
    ['bytes=-', { start: 0, end: 999, partial: false }],
  ])('%s over 1000 bytes', (header, expected) => {
    expect(resolveByteRange(header, 1000)).toEqual(expected);
  });

  it.each(['bytes=1000-', 'bytes=-0', 'bytes=5000-6000'])('%s is unsatisfiable', (header) => {
    expect(() => resolveByteRange(header, 1000)).toThrow(expect.objectContaining({ code: 'CQA_ERR_API_RANGE_NOT_SATISFIABLE' }));
  });
});
