import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CallqaError, errorCatalogue, toCallqaError } from './errors.ts';

const docRows = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => /^\| `(CQA_ERR_[A-Z_]+)` \| (\d+) \| (\d+) \|/.exec(line))
  .filter((match) => match !== null)
  .map(([, code, exit, status]) => ({ code: code!, exitCode: Number(exit), statusCode: Number(status) }));

describe('error catalogue', () => {
  it('docs/errors.md lists exactly the catalogue, with the same exit codes and HTTP statuses', () => {
    const catalogueRows = Object.entries(errorCatalogue).map(([code, entry]) => ({
      code, exitCode: entry.exitCode, statusCode: entry.statusCode,
    }));
    expect(docRows).toEqual(catalogueRows);
  });

  it('no failure exits 0, and internal errors keep their cause', () => {
    for (const entry of Object.values(errorCatalogue)) expect(entry.exitCode).toBeGreaterThan(0);
    const wrapped = toCallqaError(new RangeError('boom'));
    expect(wrapped).toBeInstanceOf(CallqaError);
    expect(wrapped.code).toBe('CQA_ERR_INTERNAL');
    expect(wrapped.message).toContain('boom');
    expect(wrapped.cause).toBeInstanceOf(RangeError);
  });
});
