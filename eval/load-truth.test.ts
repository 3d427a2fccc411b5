import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSamplesDir, findSampleRecordings, loadTruth } from './load-truth.ts';

describe('findSampleRecordings', () => {
  it('finds every committed call and variant, each with its own truth file', async () => {
    const recordings = await findSampleRecordings(defaultSamplesDir);
    expect(recordings).toHaveLength(24);
    const truthPaths = new Set(recordings.map((recording) => recording.truthPath));
    expect(truthPaths.size).toBe(24);
  });

  it('selects by name prefix, variants included', async () => {
    const recordings = await findSampleRecordings(defaultSamplesDir, ['en-06', 'ru-01']);
    expect(recordings.map((recording) => recording.label)).toEqual([
      'calls/en-06-delivery-reschedule.wav',
      'calls/ru-01-billing-dispute.wav',
      'variants/en-06-delivery-reschedule.mono.wav',
      'variants/en-06-delivery-reschedule.mp3',
    ]);
    expect(recordings[2]?.truthPath).toMatch(/variants\/en-06-delivery-reschedule\.mono\.truth\.json$/);
    expect(recordings[3]?.truthPath).toMatch(/variants\/en-06-delivery-reschedule\.truth\.json$/);
  });

  it('finds nothing for a prefix no recording has', async () => {
    expect(await findSampleRecordings(defaultSamplesDir, ['xx-01'])).toEqual([]);
  });

  describe('in a folder of its own', () => {
    let samplesDir = '';
    afterEach(async () => rm(samplesDir, { recursive: true, force: true }));

    it('rejects a recording without truth, and a file that is not truth', async () => {
      samplesDir = await mkdtemp(path.join(tmpdir(), 'callqa-eval-truth-'));
      await mkdir(path.join(samplesDir, 'calls'));
      await mkdir(path.join(samplesDir, 'variants'));
      await writeFile(path.join(samplesDir, 'calls', 'en-01-x.wav'), '');
      await expect(findSampleRecordings(samplesDir)).rejects.toThrow('calls/en-01-x.wav has no ground truth: expected calls/en-01-x.truth.json');
      const truthPath = path.join(samplesDir, 'calls', 'en-01-x.truth.json');
      await writeFile(truthPath, JSON.stringify({ schema: 'callqa.call/1' }));
      await expect(loadTruth(truthPath)).rejects.toThrow('not a callqa.truth/1 file');
    });
  });
});

describe('loadTruth', () => {
  it('reads a committed truth file', async () => {
    const truth = await loadTruth(path.join(defaultSamplesDir, 'calls', 'hu-02-delivery-delay.truth.json'));
    expect(truth).toMatchObject({ name: 'hu-02-delivery-delay', language: 'hu', channels: 2 });
    expect(Object.keys(truth.rules)).toHaveLength(18);
  });
});
