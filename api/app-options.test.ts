import { describe, expect, it } from 'vitest';
import type { AnalyzeConfig } from '../pipeline/analyze-config.ts';
import type { Store } from '../store/index.ts';
import { apiDefaults, resolveApiOptions } from './app-options.ts';

const store = { dbPath: '/srv/callqa/data/callqa.duckdb' } as Store;
const analyzeConfig = {} as AnalyzeConfig;

describe('resolveApiOptions', () => {
  it('puts the cache and uploads beside the database and freezes the result', () => {
    const options = resolveApiOptions({ store, analyzeConfig });
    expect(options).toMatchObject({
      cacheDir: '/srv/callqa/data/cache', uploadsDir: '/srv/callqa/data/uploads',
      uploadLimitBytes: apiDefaults.uploadLimitBytes, duckdbThreads: null,
    });
    expect(Object.isFrozen(options)).toBe(true);
  });

  it.each([
    [{ uploadLimitBytes: 0 }, 'uploadLimitBytes'],
    [{ duckdbThreads: 1.5 }, 'duckdbThreads'],
    [{ rateLimit: { ...apiDefaults.rateLimit, perUser: { maxRequests: -1, windowMs: 1000 } } }, 'rateLimit.perUser.maxRequests'],
  ])('refuses %j naming the option', (spec, name) => {
    expect(() => resolveApiOptions({ store, analyzeConfig, ...spec })).toThrow(expect.objectContaining({ code: 'CQA_ERR_CONFIG_INVALID', message: expect.stringContaining(name) }));
  });
});
