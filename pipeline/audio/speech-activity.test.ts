/**
 * The noise-floor and leakage decisions of speech-activity.ts and cross-talk.ts on hand-made
 * frame columns (32 ms frames), where each level is known exactly; the real-audio case is in
 * cross-talk.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { estimateEchoDelayFrames, noiseFloorDb } from './cross-talk.ts';
import type { FrameSeries } from './frame-stream.ts';
import { describeSpeechActivity } from './speech-activity.ts';
import { defaultAudioThresholds as thresholds } from './thresholds.ts';

const frameS = 0.032;
const frames = 1000;

/** A column of `fill`, with `value` over frames [from, to) for each given run. */
function column(fill: number, ...runs: [from: number, to: number, value: number][]): Float32Array {
  const values = new Float32Array(frames).fill(fill);
  for (const [from, to, value] of runs) values.fill(value, from, to);
  return values;
}

function seriesOf(speechProbability: Float32Array[], levelDb: Float32Array[]): FrameSeries {
  return { frameS, frameCount: frames, speechProbability, levelDb, steadyTonal: speechProbability.map(() => new Uint8Array(frames)), pitchHz: speechProbability.map(() => new Float32Array(frames)) };
}

describe('noise floor', () => {
  it('is the level a tenth of the frames do not exceed', () => {
    expect(noiseFloorDb(column(-30, [0, 150, -60]), 0.1)).toBe(-60);
    expect(noiseFloorDb(column(-30, [0, 50, -60]), 0.1)).toBe(-30);
  });

  it('drops a segment that hardly rises over the floor, keeps one that does', () => {
    // Frames 100–200: Silero fires on line noise; frames 400–500: speech 20 dB over the floor.
    const probabilities = column(0.05, [100, 200, 0.9], [400, 500, 0.9]);
    const levels = column(-50, [100, 200, -48], [400, 500, -30]);
    const { segments } = describeSpeechActivity(seriesOf([probabilities], [levels]), ['unknown'], frames * frameS, thresholds);
    expect(segments.map((segment) => Math.round(segment.startS / frameS))).toEqual([400]);
  });
});

describe('leakage', () => {
  it('finds the echo delay at which one level track follows the other', () => {
    // Bursts of speech whose level moves from frame to frame, as syllables do.
    const source = column(-60, ...Array.from({ length: 20 }, (_, k): [number, number, number] => [k * 50, k * 50 + 20 + (k % 3) * 5, -20]));
    for (let frame = 0; frame < frames; frame++) if (source[frame]! > -60) source[frame] = -20 - ((frame * 7) % 11);
    const target = new Float32Array(frames).fill(-62);
    for (let frame = 4; frame < frames; frame++) target[frame] = Math.max(-62, source[frame - 4]! - 26);
    expect(estimateEchoDelayFrames(source, target, 10, -40)).toBe(4);
  });

  it('takes the quieter copy in the other channel for no speech, and keeps speech that is its own', () => {
    // The agent talks over frames 100–300; the customer channel carries its echo, then at frames
    // 600–700 the customer speaks alone, as loud as the echo was.
    const agentLevel = column(-60, ...Array.from({ length: 10 }, (_, k): [number, number, number] => [100 + k * 20, 112 + k * 20, -20]));
    const customerLevel = new Float32Array(frames).fill(-60);
    for (let frame = 0; frame < frames; frame++) customerLevel[frame] = Math.max(-60, agentLevel[frame]! - 25);
    customerLevel.fill(-45, 600, 700);
    const agentSpeech = column(0.05, [100, 300, 0.9]);
    const customerSpeech = column(0.05, [100, 300, 0.9], [600, 700, 0.9]);
    const activity = describeSpeechActivity(seriesOf([agentSpeech, customerSpeech], [agentLevel, customerLevel]), ['agent', 'customer'], frames * frameS, thresholds);
    const customer = activity.segments.filter((segment) => segment.party === 'customer');
    expect(customer.map((segment) => Math.round(segment.startS / frameS))).toEqual([600]);
    expect(activity.segments.filter((segment) => segment.party === 'agent')).toHaveLength(1);
  });
});
