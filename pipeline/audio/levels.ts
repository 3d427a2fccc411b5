import type { Party } from '../result/call-result.ts';
import type { PcmBlock } from '../ingest/index.ts';

export interface ChannelLevel {
  channel: number;
  party: Party;
  rms_dbfs: number;
  peak_dbfs: number;
  clipped_ratio: number;
}

/** Floor for digital silence, so an all-zero channel reads -120 dB instead of -Infinity. */
const silenceFloorDbfs = -120;
const clipLevel = 0.999;

function toDbfs(amplitude: number): number {
  return amplitude > 0 ? Math.max(silenceFloorDbfs, 20 * Math.log10(amplitude)) : silenceFloorDbfs;
}

/**
 * Running level per channel: a dead or clipped channel is the first thing a QA specialist
 * needs to know, because every later judgement about that party is then unreliable.
 */
export function createLevelMeter(channelCount: number) {
  const sumSquares = new Float64Array(channelCount);
  const peaks = new Float64Array(channelCount);
  const clipped = new Float64Array(channelCount);
  let frameCount = 0;
  return {
    add(block: PcmBlock): void {
      block.channels.forEach((samples, channel) => {
        let squares = 0;
        let peak = peaks[channel]!;
        let clips = 0;
        for (const sample of samples) {
          const magnitude = Math.abs(sample);
          squares += sample * sample;
          if (magnitude > peak) peak = magnitude;
          if (magnitude >= clipLevel) clips++;
        }
        sumSquares[channel]! += squares;
        peaks[channel] = peak;
        clipped[channel]! += clips;
      });
      frameCount += block.channels[0]?.length ?? 0;
    },
    get frameCount(): number {
      return frameCount;
    },
    levels(partyOfChannel: readonly Party[]): ChannelLevel[] {
      return partyOfChannel.map((party, channel) => ({
        channel,
        party,
        rms_dbfs: round2(toDbfs(Math.sqrt(sumSquares[channel]! / Math.max(1, frameCount)))),
        peak_dbfs: round2(toDbfs(peaks[channel]!)),
        clipped_ratio: round2(clipped[channel]! / Math.max(1, frameCount), 6),
      }));
    },
  };
}

function round2(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
