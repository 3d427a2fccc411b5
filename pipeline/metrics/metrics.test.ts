/**
 * The metrics stage end to end on a generated stereo call with known answers, through the real
 * decoder, Silero and the audio stage's tracks: a ~90 s agent monologue at ~200 wpm with a wide
 * pitch range whose last third is 10 dB louder, the customer's "uh-huh"s inside it, dead air,
 * a 50 s customer turn at ~130 wpm (espeak-ng -s 155 and -s 100 measure so) in a near-monotone, a shorter silent gap, a closing line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { durationS, speak, writeCall, type Placement, type PitchRange } from '../audio/call-fixtures.test-helper.ts';
import { analyzeAudio } from '../audio/index.ts';
import { ingestRecording } from '../ingest/index.ts';
import type { ConversationMetrics, PartyMetrics, Utterance } from '../result/call-result.ts';
import { countSyllables, countWords } from './talk-speed.ts';
import { measureConversation } from './index.ts';

const agent = 0;
const customer = 1;
const sentences = [
  'Thank you for calling the billing department, my name is Anna and I will look into your account.',
  'I can see three invoices on the account this year, and the last one was issued in March.',
  'The amount on that invoice includes the new service fee that was announced in the winter letter.',
  'If you would like, I can explain each line of the invoice and what every charge is for.',
  'Most customers find that the second page of the invoice answers the usual questions about fees.',
  'There is also a discount for paying by direct debit, which could lower the monthly amount a little.',
];
const quietPeak = 0.1;
const loudPeak = quietPeak * 10 ** (10 / 20);

interface Line {
  party: 'agent' | 'customer';
  atS: number;
  endS: number;
  text: string;
}

async function layOutCall(folder: string) {
  const voice = (speedWpm: number, pitchRange: PitchRange, peak: number) => Promise.all(sentences.map((text) => speak(folder, text, { speedWpm, pitchRange, peak })));
  const [agentQuiet, agentLoud, customerLines, uhHuh, closing] = await Promise.all([
    voice(155, 'x-high', quietPeak),
    voice(155, 'x-high', loudPeak),
    voice(100, 'x-low', 0.2),
    speak(folder, 'uh-huh', { speedWpm: 200, peak: 0.2, pitchRange: 'x-low' }),
    speak(folder, 'Is there anything else I can help you with?', { speedWpm: 200, pitchRange: 'x-high', peak: quietPeak }),
  ]);
  const placements: Placement[] = [];
  const lines: Line[] = [];
  const place = (channel: number, atS: number, samples: Float32Array, text: string): number => {
    placements.push({ channel, atS, samples });
    const endS = atS + durationS(samples);
    lines.push({ party: channel === agent ? 'agent' : 'customer', atS, endS, text });
    return endS;
  };
  const monologueStartS = 0.5;
  let loudFromS = Number.POSITIVE_INFINITY;
  let atS = monologueStartS;
  for (let index = 0; atS + durationS(agentQuiet[index % sentences.length]!) < monologueStartS + 91; index++) {
    if (atS >= monologueStartS + 60) loudFromS = Math.min(loudFromS, atS);
    const samples = (atS < loudFromS ? agentQuiet : agentLoud)[index % sentences.length]!;
    const startS = atS;
    atS = place(agent, atS, samples, sentences[index % sentences.length]!) + 0.4;
    if (index === 2 || index === 6) place(customer, startS + 1.5, uhHuh, 'uh-huh');
  }
  const monologueEndS = atS - 0.4;
  const deadAir = { startS: monologueEndS, endS: monologueEndS + 6 };
  atS = deadAir.endS;
  for (let index = 0; atS < deadAir.endS + 50 - 1; index++) atS = place(customer, atS, customerLines[index % sentences.length]!, sentences[index % sentences.length]!) + 0.4;
  const shortGap = { startS: atS - 0.4, endS: atS - 0.4 + 4 };
  const endS = place(agent, shortGap.endS, closing, 'Is there anything else I can help you with?') + 1;
  return { placements, lines, endS, monologue: { startS: monologueStartS, endS: monologueEndS }, loudFromS, deadAir, shortGap };
}

type Layout = Awaited<ReturnType<typeof layOutCall>>;

const utterancesOf = (lines: readonly Line[]): Utterance[] => lines.map((line) => ({ party: line.party, start: line.atS, end: line.endS, text: line.text }));
/** Words per minute over the clips' own lengths: what a listener timing each sentence would get. */
function trueWpm(lines: readonly Line[], party: Line['party']): number {
  const own = lines.filter((line) => line.party === party && line.text !== 'uh-huh');
  const words = own.reduce((sum, line) => sum + countWords({ party, start: 0, end: 0, text: line.text }), 0);
  return (words / own.reduce((sum, line) => sum + line.endS - line.atS, 0)) * 60;
}

describe('conversation metrics on a generated call', () => {
  let temp: TempFolder;
  let layout: Layout;
  let withTranscript: ConversationMetrics;
  let audioOnly: ConversationMetrics;
  const partyOf = (metrics: ConversationMetrics, party: PartyMetrics['party']) => metrics.parties.find((entry) => entry.party === party)!;

  beforeAll(async () => {
    temp = await createTempFolder('callqa-metrics-');
    layout = await layOutCall(temp.folder);
    const file = await writeCall(temp.file('call.wav'), 2, layout.endS, layout.placements);
    const audio = await ingestRecording(file, { agentChannel: agent }, silentEffects);
    const acoustics = await analyzeAudio(audio, silentEffects);
    const measure = (utterances: Utterance[]) => measureConversation({
      durationS: acoustics.durationS,
      tracks: acoustics.tracks,
      channels: audio.partyOfChannel.map((party, channel) => ({
        channel, party,
        speech: acoustics.speech.segments.filter((segment) => segment.channel === channel),
        monologues: party === 'unknown' ? null : acoustics.speech.parties![party].monologues,
      })),
      utterances,
      events: acoustics.speech.events,
    });
    withTranscript = measure(utterancesOf(layout.lines));
    audioOnly = measure([]);
  }, 120_000);
  afterAll(() => temp.remove());

  it('finds the planted 90 s agent monologue through the customer\'s backchannels, and no customer one over 60 s', () => {
    const monologue = partyOf(withTranscript, 'agent').monologue!;
    const plantedS = layout.monologue.endS - layout.monologue.startS;
    expect(plantedS).toBeGreaterThan(85);
    expect(monologue.longest_s).toBeCloseTo(plantedS, -0.3);
    expect(monologue.over_threshold).toHaveLength(1);
    expect(monologue.over_threshold[0]!.start).toBeCloseTo(layout.monologue.startS, 0);
    expect(monologue.call_share).toBeCloseTo(monologue.over_threshold_s / layout.endS, 3);
    expect(partyOf(withTranscript, 'customer').monologue!.over_threshold).toEqual([]);
  });

  it('measures ~200 vs ~130 wpm from the transcript within 10 %, flags the fast agent and not the customer', () => {
    const agentSpeed = partyOf(withTranscript, 'agent').talk_speed;
    const customerSpeed = partyOf(withTranscript, 'customer').talk_speed;
    expect(agentSpeed.measured_by).toBe('transcript');
    expect(Math.abs(agentSpeed.words_per_minute! / trueWpm(layout.lines, 'agent') - 1)).toBeLessThan(0.1);
    expect(Math.abs(customerSpeed.words_per_minute! / trueWpm(layout.lines, 'customer') - 1)).toBeLessThan(0.1);
    expect(agentSpeed.too_fast).toBe(true);
    expect(customerSpeed.fast_share).toBe(0);
    expect(customerSpeed.too_fast).toBeNull();
  });

  it('without a transcript, tells the fast agent from the slow customer by syllable rate', () => {
    const agentSpeed = partyOf(audioOnly, 'agent').talk_speed;
    const customerSpeed = partyOf(audioOnly, 'customer').talk_speed;
    expect(agentSpeed).toMatchObject({ measured_by: 'audio', words_per_minute: null });
    const ratio = agentSpeed.syllables_per_s! / customerSpeed.syllables_per_s!;
    expect(Math.abs(ratio / (trueWpm(layout.lines, 'agent') / trueWpm(layout.lines, 'customer')) - 1)).toBeLessThan(0.2);
    expect(agentSpeed.too_fast).toBe(true);
    expect(customerSpeed.fast_share).toBeLessThan(0.3);
  });

  it('reports the agent raising their voice by 10 dB over their own baseline, for the loud stretch only', () => {
    const raised = partyOf(withTranscript, 'agent').loudness.raised_voice;
    expect(raised).toHaveLength(1);
    expect(raised[0]!.start).toBeGreaterThan(layout.loudFromS - 1.5);
    expect(raised[0]!.start).toBeLessThan(layout.loudFromS + 1.5);
    expect(raised[0]!.end).toBeGreaterThan(layout.monologue.endS - 1.5);
    expect(raised[0]!.end).toBeLessThan(layout.monologue.endS + 1.5);
    expect(raised[0]!.rise_db).toBeGreaterThan(8);
    expect(raised[0]!.rise_db).toBeLessThan(12);
    expect(partyOf(withTranscript, 'customer').loudness.raised_voice).toEqual([]);
  });

  it('gives the loudness series per window: null where the party is silent, 10 dB apart before and after the jump', () => {
    const series = partyOf(withTranscript, 'agent').loudness.series_dbfs;
    expect(series).toHaveLength(Math.ceil(layout.endS));
    expect(series[Math.floor(layout.deadAir.startS + 3)]).toBeNull();
    const meanOf = (fromS: number, toS: number) => {
      const values = series.slice(Math.ceil(fromS), Math.floor(toS)).filter((value): value is number => value !== null);
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    };
    expect(meanOf(layout.loudFromS + 1, layout.monologue.endS - 1) - meanOf(layout.monologue.startS + 1, layout.loudFromS - 1)).toBeCloseTo(10, -0.4);
  });

  it('tells the wide-range agent from the near-monotone customer by pitch range and monotony', () => {
    const agentPitch = partyOf(withTranscript, 'agent').pitch;
    const customerPitch = partyOf(withTranscript, 'customer').pitch;
    expect(customerPitch.monotony_st!).toBeLessThan(1);
    expect(agentPitch.monotony_st!).toBeGreaterThan(1.5);
    expect(agentPitch.range_st!).toBeGreaterThan(2 * customerPitch.range_st!);
    expect(agentPitch.median_hz!).toBeGreaterThan(70);
    expect(agentPitch.median_hz!).toBeLessThan(200);
    expect(agentPitch.series_hz.filter((hz) => hz !== null).length).toBeGreaterThan(60);
  });

  it('counts non-talk as every gap of 3 s or more, beside the exact dead air', () => {
    const nonTalk = withTranscript.non_talk;
    const plantedS = layout.deadAir.endS - layout.deadAir.startS + layout.shortGap.endS - layout.shortGap.startS;
    expect(nonTalk.count).toBe(2);
    expect(nonTalk.total_s).toBeGreaterThan(plantedS - 0.6);
    expect(nonTalk.total_s).toBeLessThan(plantedS + 0.9);
    expect(nonTalk.dead_air_s).toBeGreaterThan(5.4);
    expect(nonTalk.dead_air_s).toBeLessThan(6.9);
    expect(nonTalk.hold_s).toBe(0);
  });
});

describe('syllable counting', () => {
  it('counts level peaks that rise and fall by the prominence, once each however they ripple', () => {
    const track = Float32Array.from([-60, -40, -38, -41, -39, -55, -35, -50, -49, -30, -32, -33]);
    expect(countSyllables(track, 0, track.length, 6)).toBe(3);
    expect(countSyllables(track, 0, track.length, 2)).toBe(4);
    expect(countSyllables(track, 0, 5, 6)).toBe(1);
  });
});
