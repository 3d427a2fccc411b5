/**
 * Leakage suppression on a real stereo call: the agent's lines leak into the customer channel
 * as a line echo (120 ms late, −26 dB), and the customer, 15 dB quieter than the agent, once
 * talks over the agent. The echo must not be customer speech; the quiet customer must be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { ingestRecording } from '../ingest/index.ts';
import { durationS, speak, writeCall, type Placement } from './call-fixtures.test-helper.ts';
import { analyzeAudio, resolveAudioThresholds, type AudioAnalysis } from './index.ts';

const echoDelayS = 0.12;
const echoGain = 10 ** (-26 / 20);

describe('cross-channel leakage', () => {
  let temp: TempFolder;
  let withSuppression: AudioAnalysis;
  let withoutSuppression: AudioAnalysis;
  const agentLines: { atS: number; endS: number }[] = [];
  let customerLine = { atS: 0, endS: 0 };

  beforeAll(async () => {
    temp = await createTempFolder('callqa-cross-talk-');
    const lines = await Promise.all([
      'Thank you for calling, my name is Anna, how can I help you today?',
      'Let me check that for you, it will only take a moment, thank you for waiting.',
      'I can see the invoice now, and there is a duplicate charge on it from last month.',
    ].map((text) => speak(temp.folder, text)));
    const quietCustomer = await speak(temp.folder, 'Wait, I never ordered anything twice, that is wrong!', { voice: 'en-us+f3', peak: 0.08 });
    const placements: Placement[] = [];
    let atS = 0.5;
    for (const samples of lines) {
      placements.push({ channel: 0, atS, samples }, { channel: 1, atS: atS + echoDelayS, samples: samples.map((value) => value * echoGain) });
      agentLines.push({ atS, endS: atS + durationS(samples) });
      atS += durationS(samples) + 1.5;
    }
    const last = agentLines.at(-1)!;
    customerLine = { atS: last.endS - 1.5, endS: last.endS - 1.5 + durationS(quietCustomer) };
    placements.push({ channel: 1, atS: customerLine.atS, samples: quietCustomer });
    const file = await writeCall(temp.file('echo.wav'), 2, customerLine.endS + 1, placements);
    const audio = () => ingestRecording(file, { agentChannel: 0 }, silentEffects);
    withSuppression = await analyzeAudio(await audio(), silentEffects);
    // 60 dB is more than the echo's level difference: nothing counts as leakage.
    withoutSuppression = await analyzeAudio(await audio(), silentEffects, resolveAudioThresholds({ crossTalk: { minLevelDifferenceDb: 60 } }));
  }, 120_000);
  afterAll(() => temp.remove());

  const customerSegments = (analysis: AudioAnalysis) => analysis.speech.segments.filter((segment) => segment.party === 'customer');

  it('takes the echo of the agent for the customer without suppression (the test call leaks)', () => {
    const onEcho = customerSegments(withoutSuppression).filter((segment) => segment.endS < customerLine.atS);
    expect(onEcho.length).toBeGreaterThan(0);
  });

  it('finds no customer speech in the echo, and the quiet customer where they really speak', () => {
    const segments = customerSegments(withSuppression);
    expect(segments.filter((segment) => segment.endS < customerLine.atS - 0.2)).toEqual([]);
    const spoken = segments.filter((segment) => segment.endS > customerLine.atS && segment.startS < customerLine.endS);
    const coveredS = spoken.reduce((sum, segment) => sum + Math.min(segment.endS, customerLine.endS) - Math.max(segment.startS, customerLine.atS), 0);
    expect(coveredS / (customerLine.endS - customerLine.atS)).toBeGreaterThan(0.8);
    expect(withSuppression.speech.events.filter((event) => event.type === 'interruption')).toMatchObject([{ by: 'customer' }]);
  });
});
