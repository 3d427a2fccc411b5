/**
 * The streaming half on real audio: Silero's state and context carry across windows and
 * blocks, so results do not depend on how the decoder cuts the stream, and running stretches
 * of the call side by side (lanes) stays within a whisker of one sequential stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { ingestRecording, type PcmBlock } from '../ingest/index.ts';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { chords, speak, writeCall } from './call-fixtures.test-helper.ts';
import { createFrameStream, type FrameSeries } from './frame-stream.ts';
import { findSpeechSegments } from './speech-segments.ts';
import { defaultAudioThresholds } from './thresholds.ts';
import type { VadLaneLayout } from './vad-stream.ts';

/** One stretch longer than the 30 s test call: a single sequential stream per channel. */
const sequential: VadLaneLayout = { lanes: 1, stretchFrames: 1000, warmUpFrames: 0 };
/** Stretches of 6.4 s, three side by side: several rounds and lane boundaries in a 30 s call. */
const lanes: VadLaneLayout = { lanes: 3, stretchFrames: 200, warmUpFrames: 31 };

/** The whole call cut into blocks of `blockFrames` sample frames. */
function* reblock(channels: Float32Array[], blockFrames: number): Generator<PcmBlock> {
  for (let startFrame = 0; startFrame < channels[0]!.length; startFrame += blockFrames) {
    yield { startFrame, channels: channels.map((samples) => samples.slice(startFrame, startFrame + blockFrames)) };
  }
}

async function analyseFrames(channels: Float32Array[], blockFrames: number, layout: VadLaneLayout): Promise<FrameSeries> {
  const stream = await createFrameStream(channels.length, 8000, defaultAudioThresholds, layout);
  for (const block of reblock(channels, blockFrames)) await stream.add(block);
  return stream.finish();
}

const meanAbsoluteDifference = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, index) => sum + Math.abs(value - b[index]!), 0) / a.length;

describe('frame stream', () => {
  let temp: TempFolder;
  let pcm: Float32Array[];

  beforeAll(async () => {
    temp = await createTempFolder('callqa-frames-');
    const [first, second, third] = await Promise.all([
      speak(temp.folder, 'Good morning, this is the billing department, how may I help?'),
      speak(temp.folder, 'I would like to change the address on my account, please.', { voice: 'en-us+f3' }),
      speak(temp.folder, 'Of course. Could you confirm your date of birth first?'),
    ]);
    const file = await writeCall(temp.file('call.wav'), 2, 30, [
      { channel: 0, atS: 0.4, samples: first! },
      { channel: 1, atS: 5, samples: second! },
      { channel: 1, atS: 10, samples: chords(8) },
      { channel: 0, atS: 19.5, samples: third! },
    ]);
    const audio = await ingestRecording(file, { agentChannel: 0 }, silentEffects);
    const blocks: PcmBlock[] = [];
    for await (const block of audio.openPcm(8000)) blocks.push(block);
    pcm = [0, 1].map((channel) => Float32Array.from(blocks.flatMap((block) => Array.from(block.channels[channel]!))));
  });
  afterAll(() => temp.remove());

  it('gives identical results whether blocks are small, odd-sized or the whole call', async () => {
    const whole = await analyseFrames(pcm, pcm[0]!.length, lanes);
    for (const blockFrames of [97, 256, 4099]) {
      const chunked = await analyseFrames(pcm, blockFrames, lanes);
      expect(chunked.speechProbability).toEqual(whole.speechProbability);
      expect(chunked.steadyTonal).toEqual(whole.steadyTonal);
      expect(chunked.pitchHz).toEqual(whole.pitchHz);
    }
    expect(whole.frameCount).toBe(Math.ceil(pcm[0]!.length / 256));
  });

  it('lanes stay within a whisker of one sequential stream, and the speech segments agree', async () => {
    const inLanes = await analyseFrames(pcm, 4096, lanes);
    const inOneStream = await analyseFrames(pcm, 4096, sequential);
    for (const channel of [0, 1]) {
      expect(meanAbsoluteDifference(inLanes.speechProbability[channel]!, inOneStream.speechProbability[channel]!)).toBeLessThan(0.02);
      const segmentsOf = (series: FrameSeries) => findSpeechSegments(series.speechProbability[channel]!, series.frameS, 30, defaultAudioThresholds.vad);
      const expected = segmentsOf(inOneStream);
      const actual = segmentsOf(inLanes);
      expect(actual).toHaveLength(expected.length);
      actual.forEach((segment, index) => {
        expect(Math.abs(segment.startS - expected[index]!.startS)).toBeLessThan(0.1);
        expect(Math.abs(segment.endS - expected[index]!.endS)).toBeLessThan(0.1);
      });
    }
  });

  it('carries the recurrent state: restarting it every window changes the probabilities', async () => {
    const inOneStream = await analyseFrames(pcm, 4096, sequential);
    const stateless = await analyseFrames(pcm, 4096, { lanes: 8, stretchFrames: 1, warmUpFrames: 0 });
    expect(meanAbsoluteDifference(stateless.speechProbability[0]!, inOneStream.speechProbability[0]!)).toBeGreaterThan(0.05);
  });

  it('flags the chords as steady-tonal and the speech as not', async () => {
    const { steadyTonal, frameS } = await analyseFrames(pcm, 4096, lanes);
    const shareOf = (channel: number, fromS: number, toS: number) => {
      const flags = steadyTonal[channel]!.subarray(Math.round(fromS / frameS), Math.round(toS / frameS));
      return flags.reduce((sum, flag) => sum + flag, 0) / flags.length;
    };
    expect(shareOf(1, 10.5, 17.5)).toBeGreaterThan(0.8);
    expect(shareOf(1, 5, 8)).toBeLessThan(0.3);
    expect(shareOf(0, 0.4, 3.5)).toBeLessThan(0.3);
  });
});
