/**
 * The audio stage end to end on a real stereo call made in the test (espeak-ng speech, chord
 * hold music, line noise; see call-fixtures.test-helper.ts) through the real Silero model:
 * where speech is, what is talk, and which events a listener would flag.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { ingestRecording } from '../ingest/index.ts';
import type { CallEvent } from '../result/call-result.ts';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { chords, durationS, speak, writeCall, type Placement } from './call-fixtures.test-helper.ts';
import { analyzeAudio, type AudioAnalysis } from './index.ts';

const run = promisify(execFile);
const agent = 0;
const customer = 1;
const boundaryToleranceS = 0.2;

interface Clip extends Placement {
  endS: number;
}

/** The call, in order: greeting; question with an agent "uh-huh" inside; answer the customer picks up 0.2 s early; music hold; an interruption; dead air; goodbye. */
async function layOutCall(folder: string) {
  const say = (text: string, voice: string, peak = 0.45) => speak(folder, text, { voice, peak });
  const lines = {
    greeting: await say('Thank you for calling, my name is Anna, how can I help you today?', 'en-us'),
    question: await say('Hi, I have a question about my last invoice, it seems far too high.', 'en-us+f3'),
    uhHuh: await speak(folder, 'uh-huh', { voice: 'en-us', speedWpm: 200, peak: 0.3 }),
    answer: await say('Let me check that for you. Please hold for a moment while I look into your account.', 'en-us'),
    sure: await say('Sure, no problem.', 'en-us+f3'),
    finding: await say('Thank you for holding. I can see the invoice now, and there is a duplicate charge on it.', 'en-us'),
    protest: await say('Wait, what do you mean a duplicate charge, I never ordered anything twice!', 'en-us+f3'),
    goodbye: await say('I have removed it. Is there anything else I can help you with?', 'en-us'),
  };
  const clips: Record<string, Clip> = {};
  const place = (name: keyof typeof lines, channel: number, atS: number): number => {
    const samples = lines[name];
    clips[name] = { channel, atS, samples, endS: atS + durationS(samples) };
    return clips[name].endS;
  };
  let atS = place('greeting', agent, 0.5);
  const questionEndS = place('question', customer, atS + 0.4);
  place('uhHuh', agent, clips.question!.atS + 1.5);
  atS = place('answer', agent, questionEndS + 0.5);
  const holdStartS = place('sure', customer, atS - 0.2);
  const music: Placement = { channel: customer, atS: holdStartS + 0.5, samples: chords(20) };
  atS = place('finding', agent, holdStartS + 21);
  const deadAirStartS = place('protest', customer, atS - 1.2);
  const endS = place('goodbye', agent, deadAirStartS + 7) + 1;
  return { clips, music, endS, hold: { startS: holdStartS, endS: holdStartS + 21 }, deadAir: { startS: deadAirStartS, endS: deadAirStartS + 7 } };
}

type Layout = Awaited<ReturnType<typeof layOutCall>>;

const segmentsOf = (analysis: AudioAnalysis, channel: number) => analysis.speech.segments.filter((segment) => segment.channel === channel);
const eventsOf = (analysis: AudioAnalysis, type: CallEvent['type']) => analysis.speech.events.filter((event) => event.type === type);

describe('audio stage on a real stereo call', () => {
  let temp: TempFolder;
  let layout: Layout;
  let stereo: AudioAnalysis;
  let mono: AudioAnalysis;

  beforeAll(async () => {
    temp = await createTempFolder('callqa-audio-');
    layout = await layOutCall(temp.folder);
    const file = await writeCall(temp.file('call.wav'), 2, layout.endS, [...Object.values(layout.clips), layout.music]);
    stereo = await analyzeAudio(await ingestRecording(file, { agentChannel: 0 }, silentEffects), silentEffects);
    const monoFile = temp.file('mono-16k.wav');
    await run('ffmpeg', ['-v', 'error', '-y', '-i', file, '-ac', '1', '-ar', '16000', monoFile]);
    mono = await analyzeAudio(await ingestRecording(monoFile, { agentChannel: 0 }, silentEffects), silentEffects);
  });
  afterAll(() => temp.remove());

  it('finds each line on its own channel, boundaries within 0.2 s', () => {
    for (const [name, clip] of Object.entries(layout.clips)) {
      const covering = segmentsOf(stereo, clip.channel).filter((segment) => segment.endS > clip.atS - 0.3 && segment.startS < clip.endS + 0.3);
      expect(covering.length, name).toBeGreaterThan(0);
      expect(Math.abs(covering[0]!.startS - clip.atS), `${name} start`).toBeLessThan(boundaryToleranceS);
      expect(Math.abs(covering.at(-1)!.endS - clip.endS), `${name} end`).toBeLessThan(boundaryToleranceS);
    }
    for (const segment of stereo.speech.segments) {
      expect(segment.party).toBe(segment.channel === agent ? 'agent' : 'customer');
      const inClip = Object.values(layout.clips).some((clip) => clip.channel === segment.channel && segment.startS < clip.endS && segment.endS > clip.atS);
      expect(inClip, `segment ${segment.channel}:${segment.startS}-${segment.endS} lies on a line`).toBe(true);
    }
  });

  it('counts neither the hold music nor the silences as talk', () => {
    const talkOf = (channel: number) => Object.values(layout.clips).filter((clip) => clip.channel === channel).reduce((sum, clip) => sum + clip.endS - clip.atS, 0);
    const { parties } = stereo.speech;
    expect(parties!.agent.talkS / talkOf(agent)).toBeGreaterThan(0.9);
    expect(parties!.agent.talkS / talkOf(agent)).toBeLessThan(1.05);
    expect(parties!.customer.talkS / talkOf(customer)).toBeGreaterThan(0.9);
    expect(parties!.customer.talkS / talkOf(customer)).toBeLessThan(1.05);
    expect(parties!.agent.talkListenRatio).toBeCloseTo(parties!.agent.talkS / parties!.customer.talkS, 2);
    expect(stereo.speech.silenceS).toBeGreaterThan(layout.hold.endS - layout.hold.startS + 6);
  });

  it('flags the music hold, the dead air, the interruption and the backchannel, and nothing else', () => {
    const { clips, hold, deadAir } = layout;
    expect(stereo.speech.events.map((event) => event.type)).toEqual(['backchannel', 'hold', 'interruption', 'dead_air']);
    const [holdEvent] = eventsOf(stereo, 'hold');
    expect(holdEvent).toMatchObject({ kind: 'music' });
    expect(Math.abs(holdEvent!.start - hold.startS)).toBeLessThan(0.3);
    expect(Math.abs(holdEvent!.end - hold.endS)).toBeLessThan(0.3);
    const [interruption] = eventsOf(stereo, 'interruption');
    expect(interruption).toMatchObject({ by: 'customer' });
    expect(Math.abs(interruption!.start - clips.protest!.atS)).toBeLessThan(0.3);
    expect(Math.abs(interruption!.end - clips.finding!.endS)).toBeLessThan(0.3);
    const [backchannel] = eventsOf(stereo, 'backchannel');
    expect(backchannel).toMatchObject({ by: 'agent' });
    expect(Math.abs(backchannel!.start - clips.uhHuh!.atS)).toBeLessThan(0.3);
    const [deadAirEvent] = eventsOf(stereo, 'dead_air');
    expect(Math.abs(deadAirEvent!.start - deadAir.startS)).toBeLessThan(0.3);
    expect(Math.abs(deadAirEvent!.end - deadAir.endS)).toBeLessThan(0.3);
    expect(stereo.speech.eventTypesChecked).toEqual(['interruption', 'backchannel', 'hold', 'dead_air']);
  });

  it('measures overlap and the longest monologue', () => {
    const { clips } = layout;
    const expectedOverlapS = clips.uhHuh!.endS - clips.uhHuh!.atS + (clips.answer!.endS - clips.sure!.atS) + (clips.finding!.endS - clips.protest!.atS);
    expect(stereo.speech.overlapS!).toBeCloseTo(expectedOverlapS, 0);
    expect(stereo.speech.parties!.agent.longestMonologueS).toBeGreaterThan(clips.finding!.endS - clips.finding!.atS - 1.5);
  });

  it('works on a mono 16 kHz downmix: segments, silence, hold and dead air, no parties', () => {
    expect(mono.analysedSampleRateHz).toBe(16000);
    expect(mono.speech.parties).toBeNull();
    expect(mono.speech.overlapS).toBeNull();
    expect(mono.speech.segments.every((segment) => segment.party === 'unknown' && segment.channel === 0)).toBe(true);
    expect(mono.speech.eventTypesChecked).toEqual(['hold', 'dead_air']);
    expect(mono.speech.events.map((event) => event.type)).toEqual(['hold', 'dead_air']);
    expect(eventsOf(mono, 'hold')[0]).toMatchObject({ kind: 'music' });
    expect(Math.abs(eventsOf(mono, 'dead_air')[0]!.start - layout.deadAir.startS)).toBeLessThan(0.3);
  });
});
