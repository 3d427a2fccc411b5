import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../pipeline/rules/index.ts';
import { loadConfusions, measureBankNoise, noiseText, numberSwaps } from './asr-noise.ts';
import type { BankConcept } from './phrase-bank.ts';

describe('the ASR noiser', () => {
  it('writes a text as an engine would at level 0: lower case, no punctuation, number forms swapped', async () => {
    const pack = await loadRulePack('en');
    const settings = { wordErrorRate: 0, seed: 1, confusions: await loadConfusions('en'), numbers: numberSwaps(pack) };
    expect(noiseText('Can I put you on hold for 2 minutes? Thanks, Anna.', settings)).toBe('can i put you on hold for two minutes thanks anna');
    expect(noiseText('It takes five minutes.', settings)).toBe('it takes 5 minutes');
    expect(noiseText('Left as written.', { ...settings, wordErrorRate: null })).toBe('Left as written.');
  });

  it('deletes or substitutes about the given share of words, the same way every run', async () => {
    const pack = await loadRulePack('en');
    const settings = { wordErrorRate: 0.2, seed: 7, confusions: await loadConfusions('en'), numbers: numberSwaps(pack) };
    const text = Array.from({ length: 500 }, () => 'hold').join(' ');
    const noised = noiseText(text, settings).split(' ');
    expect(noiseText(text, settings)).toBe(noiseText(text, settings));
    const kept = noised.filter((word) => word === 'hold').length;
    const substituted = noised.filter((word) => word === 'old').length;
    expect(500 - kept).toBeGreaterThan(70);
    expect(500 - kept).toBeLessThan(130);
    expect(substituted).toBeGreaterThan(20);
    expect(noiseText(text, { ...settings, seed: 8 })).not.toBe(noiseText(text, settings));
  });

  it('reports each concept per level and the drop at 10 %, on the test half only', async () => {
    const pack = await loadRulePack('en');
    const bank: BankConcept[] = [{ concept: 'hold-ask', language: 'en', items: [
      { text: 'May I put you on hold for a moment?', party: 'agent', expect: 'positive', split: 'test' },
      { text: 'The order is on hold until payment clears.', party: 'agent', expect: 'near-miss', split: 'test' },
      { text: 'Not read: a tune item.', party: 'agent', expect: 'positive', split: 'tune' },
    ] }];
    const figures = measureBankNoise(bank, { packs: new Map([['en', pack]]), confusions: new Map([['en', await loadConfusions('en')]]) }).en ?? {};
    expect(figures['asr_noise.hold-ask.clean.accuracy']).toEqual({ value: 1, n: 2, unit: 'share' });
    expect(figures['asr_noise.hold-ask.format.accuracy']).toEqual({ value: 1, n: 6, unit: 'share' });
    const at10 = figures['asr_noise.hold-ask.wer_10.accuracy']?.value ?? Number.NaN;
    expect(figures['asr_noise.hold-ask.drop_10']?.value).toBeCloseTo(1 - at10);
  });
});
