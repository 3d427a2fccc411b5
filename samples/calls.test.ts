/**
 * Checks the committed sample calls against their truth files: speech energy where the truth
 * puts utterances and none in the gaps, both parties audible during interruptions, holds
 * free of speech, and the planted situations covering every rule in every language.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecording } from './generator/encode.ts';
import { deinterleave, frameRms, rms } from './generator/energy.ts';
import { channelOf } from './generator/mix.ts';
import { ruleIds } from './generator/rules.ts';
import { sampleRateHz } from './generator/speak.ts';
import type { CallTruth } from './generator/truth.ts';

const samplesDir = fileURLToPath(new URL('.', import.meta.url));
const callsDir = join(samplesDir, 'calls');
const frame = sampleRateHz / 50; // 20 ms
/** Speech must be this much louder than the channel's noise floor; gaps must stay below `quietRatio`. */
const speechRatio = 5;
const quietRatio = 2;
/** Kept clear of each utterance edge when checking gaps: the telephone band filter rings a little. */
const edgeS = 0.05;

const names = (await readdir(callsDir)).filter((f) => f.endsWith('.truth.json')).map((f) => f.slice(0, -'.truth.json'.length)).sort();
const loadTruth = async (path: string): Promise<CallTruth> => JSON.parse(await readFile(path, 'utf8')) as CallTruth;
const truths = await Promise.all(names.map((name) => loadTruth(join(callsDir, `${name}.truth.json`))));

/** The two channels of a recording with their noise floors (10th percentile of 20 ms frame RMS). */
async function loadChannels(path: string, channels: 1 | 2) {
  const audio = await readRecording(path, channels);
  return Array.from({ length: channels }, (_, c) => {
    const samples = deinterleave(audio, channels, c);
    const sorted = frameRms(samples, frame).sort((a, b) => a - b);
    const floor = sorted[Math.floor(sorted.length / 10)] ?? 0;
    const span = (start: number, end: number) => samples.subarray(Math.round(start * sampleRateHz), Math.round(end * sampleRateHz));
    return {
      samples,
      isSpeech: (start: number, end: number) => rms(span(start, end)) > speechRatio * floor,
      isQuiet: (start: number, end: number) => Math.max(0, ...frameRms(span(start, end), frame)) < quietRatio * floor,
    };
  });
}

describe.each(names.map((name, i) => [name, truths[i] as CallTruth]))('%s', (name, truth) => {
  it('has speech on the right channel inside each utterance and quiet in the gaps', async () => {
    const channels = await loadChannels(join(callsDir, `${name}.wav`), 2);
    expect(Math.abs((channels[0]?.samples.length ?? 0) / sampleRateHz - truth.duration_s)).toBeLessThan(0.002);
    for (const [party, c] of Object.entries(channelOf)) {
      const channel = channels[c];
      if (!channel) throw new Error('missing channel');
      const own = truth.utterances.filter((u) => u.party === party);
      for (const u of own) expect(channel.isSpeech(u.start, u.end), `${party} "${u.text}" at ${u.start}`).toBe(true);
      const musicHolds = truth.events.filter((e) => e.type === 'hold' && e.kind === 'music' && e.channel === party);
      let heardUntil = 0;
      for (const next of [...own, { start: truth.duration_s, end: truth.duration_s }]) {
        const [from, to] = [heardUntil + edgeS, next.start - edgeS];
        const music = musicHolds.some((hold) => hold.start < to && hold.end > from);
        if (to - from > 0.2 && !music) expect(channel.isQuiet(from, to), `${party} gap ${from.toFixed(2)}–${to.toFixed(2)}`).toBe(true);
        heardUntil = Math.max(heardUntil, next.end);
      }
    }
  });

  it('has both parties speaking in each interruption, short backchannels, and nobody in holds and dead air', async () => {
    const [agent, customer] = await loadChannels(join(callsDir, `${name}.wav`), 2);
    if (!agent || !customer) throw new Error('missing channel');
    for (const event of truth.events) {
      if (event.type === 'interruption') {
        const [by, other] = event.by === 'agent' ? [agent, customer] : [customer, agent];
        const at = `interruption at ${event.start}`;
        expect(event.overlap_s).toBeGreaterThanOrEqual(0.6);
        expect(by.isQuiet(event.start - 0.25, event.start - edgeS), `${at}: interrupter silent before`).toBe(true);
        expect(by.isSpeech(event.start, event.end) && other.isSpeech(event.start, event.end), `${at}: both speak`).toBe(true);
        const after = [event.end + edgeS, event.end + 0.25] as const;
        expect(by.isQuiet(...after) || other.isQuiet(...after), `${at}: one party stops at the end`).toBe(true);
      }
      if (event.type === 'backchannel') {
        const inside = truth.utterances.find((u) => u.party !== event.by && u.start < event.start && u.end > event.end);
        expect(event.end - event.start).toBeLessThan(0.6);
        expect(inside, `backchannel at ${event.start} sits inside the other party's speech`).toBeDefined();
        expect((event.by === 'agent' ? agent : customer).isSpeech(event.start, event.end)).toBe(true);
      }
      if (event.type !== 'hold' && event.type !== 'dead_air') continue;
      expect(truth.utterances.filter((u) => u.start < event.end && u.end > event.start)).toEqual([]);
      const musicOn = event.type === 'hold' && event.kind === 'music' ? event.channel : undefined;
      for (const [party, channel] of [['agent', agent], ['customer', customer]] as const) {
        const [from, to] = [event.start + edgeS, event.end - edgeS];
        if (party === musicOn) expect(channel.isSpeech(from + 0.5, to - 0.5), `music on ${party}`).toBe(true);
        else expect(channel.isQuiet(from, to), `${event.type} on ${party} at ${event.start}`).toBe(true);
      }
    }
  });
});

describe('the sample set', () => {
  it('plants every event and both outcomes of every rule in each language', () => {
    for (const language of ['en', 'ru', 'hu'] as const) {
      const calls = truths.filter((t) => t.language === language);
      expect(calls.length, language).toBeGreaterThanOrEqual(6);
      const events = new Set(calls.flatMap((t) => t.events.map((e) => `${e.type}${'by' in e ? `:${e.by}` : ''}${'kind' in e ? `:${e.kind}` : ''}`)));
      expect([...events].sort(), language).toEqual([
        'backchannel:agent', 'backchannel:customer', 'dead_air', 'hold:music', 'hold:silence',
        'interruption:agent', 'interruption:customer', 'transfer',
      ]);
      for (const rule of ruleIds) {
        const outcomes = new Set(calls.map((t) => t.rules[rule]));
        expect(outcomes.has('pass') && outcomes.has('fail'), `${language} ${rule}`).toBe(true);
      }
      expect(new Set(calls.map((t) => t.quality)), language).toEqual(new Set(['exemplary', 'average', 'poor']));
    }
  });

  it('keeps each call 40–180 s and samples/ within its 15 MB budget', async () => {
    for (const truth of truths) expect(truth.duration_s, truth.name).toBeGreaterThanOrEqual(40);
    for (const truth of truths) expect(truth.duration_s, truth.name).toBeLessThanOrEqual(180);
    const files = await readdir(samplesDir, { recursive: true });
    const sizes = await Promise.all(files.map(async (f) => (await stat(join(samplesDir, f))).size));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(15_000_000);
  });

  it('ships each variant with the call\'s truth and the same timing', async () => {
    const variantsDir = join(samplesDir, 'variants');
    const variants = (await readdir(variantsDir)).filter((f) => f.endsWith('.mp3') || f.endsWith('.mono.wav'));
    expect(variants.length).toBe(6);
    for (const file of variants) {
      const mono = file.endsWith('.mono.wav');
      const base = file.replace(/\.(mono\.wav|mp3)$/, '');
      const truth = await loadTruth(join(variantsDir, `${base}${mono ? '.mono' : ''}.truth.json`));
      const original = truths.find((t) => t.name === base);
      expect({ ...truth, channels: 2 }).toEqual(original);
      const channels = await loadChannels(join(variantsDir, file), mono ? 1 : 2);
      for (const u of truth.utterances) {
        const channel = channels[mono ? 0 : channelOf[u.party]];
        expect(channel?.isSpeech(u.start, u.end), `${file} "${u.text}"`).toBe(true);
      }
    }
  });

  it('lists every call in samples/README.md', async () => {
    const readme = await readFile(join(samplesDir, 'README.md'), 'utf8');
    for (const name of names) expect(readme, name).toContain(name);
  });
});
