import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { defaultMetricsThresholds, loadMetricsThresholds } from './thresholds.ts';

const shipped = new URL('./metrics-thresholds.json', import.meta.url);

describe('metrics thresholds', () => {
  let temp: TempFolder;
  beforeAll(async () => { temp = await createTempFolder('callqa-metrics-thresholds-'); });
  afterAll(() => temp.remove());

  it('come from metrics-thresholds.json', () => {
    expect(defaultMetricsThresholds).toEqual(JSON.parse(readFileSync(shipped, 'utf8')));
  });

  it.each([
    ['/loudness/riseDb', (data: Record<string, Record<string, unknown>>) => { data.loudness!.riseDb = -3; }],
    ['/talkSpeed/fastWords', (data: Record<string, Record<string, unknown>>) => { data.talkSpeed!.fastWords = 180; }],
    ['/pitch/lowPercentile', (data: Record<string, Record<string, unknown>>) => { data.pitch!.lowPercentile = 0.95; }],
  ])('reject a file with a bad %s, naming the key and the file', (key, spoil) => {
    const data = JSON.parse(readFileSync(shipped, 'utf8')) as Record<string, Record<string, unknown>>;
    spoil(data);
    const file = temp.file('metrics-thresholds.json');
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadMetricsThresholds(file)).toThrow(expect.objectContaining({ code: 'CQA_ERR_CONFIG_INVALID', message: expect.stringContaining(key) }));
    expect(() => loadMetricsThresholds(file)).toThrow(expect.objectContaining({ message: expect.stringContaining(file) }));
  });
});
