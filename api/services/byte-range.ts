/**
 * HTTP range requests (RFC 9110 §14) for one range, which is what audio elements send. A
 * header that cannot be parsed, or asks for several ranges, is ignored and the whole file is
 * sent, as the RFC allows; a well-formed range that lies outside the file is a 416.
 */
import { CallqaError } from '../../core/errors.ts';

export interface ByteRange {
  /** First byte, inclusive. */
  start: number;
  /** Last byte, inclusive. */
  end: number;
  /** Whether the answer is a 206 with Content-Range. */
  partial: boolean;
}

function unsatisfiable(header: string, sizeBytes: number): CallqaError {
  return new CallqaError(
    'CQA_ERR_API_RANGE_NOT_SATISFIABLE',
    `range "${header}" lies outside the file of ${sizeBytes} bytes; ask for bytes 0-${Math.max(0, sizeBytes - 1)}`,
  );
}

/** The bytes to send for a `Range` header (or its absence) over a file of `sizeBytes`. */
export function resolveByteRange(header: string | undefined, sizeBytes: number): ByteRange {
  const whole: ByteRange = { start: 0, end: sizeBytes - 1, partial: false };
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!header || !match) return whole;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return whole;
  if (first === '') {
    const suffixLength = Number(last);
    if (suffixLength === 0 || sizeBytes === 0) throw unsatisfiable(header, sizeBytes);
    return { start: Math.max(0, sizeBytes - suffixLength), end: sizeBytes - 1, partial: true };
  }
  const start = Number(first);
  const end = last === '' ? sizeBytes - 1 : Math.min(Number(last), sizeBytes - 1);
  if (last !== '' && Number(last) < start) return whole;
  if (start >= sizeBytes) throw unsatisfiable(header, sizeBytes);
  return { start, end, partial: true };
}
