import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeAudio } from '../audio/index.ts';
import { silentEffects } from '../../core/effects.ts';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { makeToneRecording } from './audio-fixtures.test-helper.ts';
import { ingestRecording } from './index.ts';

interface FormatCase {
  name: string;
  file: string;
  sampleRateHz: number;
  codecArgs: string[];
  codec: string;
  channels: 1 | 2;
  withVideo?: boolean;
  /** Opus always decodes at 48 kHz, whatever rate it was encoded from. */
  probedRateHz?: number;
}

const formats: FormatCase[] = [
  { name: 'PCM WAV 8 kHz', file: 'pcm8k.wav', sampleRateHz: 8000, codecArgs: ['-c:a', 'pcm_s16le'], codec: 'pcm_s16le', channels: 2 },
  { name: 'PCM WAV 16 kHz', file: 'pcm16k.wav', sampleRateHz: 16000, codecArgs: ['-c:a', 'pcm_s16le'], codec: 'pcm_s16le', channels: 2 },
  { name: 'µ-law WAV', file: 'ulaw.wav', sampleRateHz: 8000, codecArgs: ['-c:a', 'pcm_mulaw'], codec: 'pcm_mulaw', channels: 2 },
  { name: 'A-law WAV', file: 'alaw.wav', sampleRateHz: 8000, codecArgs: ['-c:a', 'pcm_alaw'], codec: 'pcm_alaw', channels: 2 },
  { name: 'GSM 6.10', file: 'call.gsm', sampleRateHz: 8000, codecArgs: ['-c:a', 'libgsm', '-ac', '1'], codec: 'gsm', channels: 1 },
  { name: 'GSM in WAV', file: 'gsm.wav', sampleRateHz: 8000, codecArgs: ['-c:a', 'libgsm_ms', '-ac', '1'], codec: 'gsm_ms', channels: 1 },
  { name: 'MP3', file: 'call.mp3', sampleRateHz: 16000, codecArgs: ['-c:a', 'libmp3lame', '-b:a', '32k'], codec: 'mp3', channels: 2 },
  { name: 'Opus in Ogg', file: 'call.ogg', sampleRateHz: 16000, codecArgs: ['-c:a', 'libopus', '-b:a', '24k'], codec: 'opus', channels: 2, probedRateHz: 48000 },
  { name: 'AAC in M4A', file: 'call.m4a', sampleRateHz: 16000, codecArgs: ['-c:a', 'aac', '-b:a', '48k'], codec: 'aac', channels: 2 },
  { name: 'FLAC', file: 'call.flac', sampleRateHz: 16000, codecArgs: ['-c:a', 'flac'], codec: 'flac', channels: 2 },
  { name: 'MP4 audio track', file: 'call.mp4', sampleRateHz: 16000, codecArgs: ['-c:a', 'aac'], codec: 'aac', channels: 2, withVideo: true },
];

const durationS = 3;
// Agent channel loud, customer quiet: the level meter then proves which channel is which.
const amplitudes = { agent: 0.5, customer: 0.05 };

describe('ingest format matrix (real files made by ffmpeg)', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it.each(formats)('$name: probes, decodes per channel and keeps channel roles', async (format) => {
    const channelAmplitudes = format.channels === 2 ? [amplitudes.agent, amplitudes.customer] : [amplitudes.agent];
    const file = await makeToneRecording(temp.file(format.file), {
      durationS, sampleRateHz: format.sampleRateHz, channelAmplitudes, codecArgs: format.codecArgs, withVideo: format.withVideo,
    });
    const audio = await ingestRecording(file, { agentChannel: 0 }, silentEffects);
    expect(audio.probe).toMatchObject({ codec: format.codec, channels: format.channels, sampleRateHz: format.probedRateHz ?? format.sampleRateHz });
    expect(audio.probe.sha256).toMatch(/^[0-9a-f]{64}$/);

    let frames = 0;
    for await (const block of audio.openPcm(16000)) {
      expect(block.channels).toHaveLength(format.channels);
      expect(block.startFrame).toBe(frames);
      frames += block.channels[0]!.length;
    }
    expect(frames / 16000).toBeCloseTo(durationS, 1);

    const acoustics = await analyzeAudio(audio, silentEffects);
    const peakOf = (party: string) => acoustics.channelLevels.find((level) => level.party === party)!.peak_dbfs;
    if (format.channels === 2) {
      // Lossy codecs move peaks by a dB or two; the 20 dB gap between channels must survive.
      expect(peakOf('agent')).toBeGreaterThan(-8);
      expect(peakOf('customer')).toBeLessThan(-22);
    } else {
      expect(acoustics.channelLevels.map((level) => level.party)).toEqual(['unknown']);
    }
  });

  it('--agent-channel 1 swaps the roles of a stereo recording', async () => {
    const file = await makeToneRecording(temp.file('swapped.wav'), {
      durationS: 1, sampleRateHz: 8000, channelAmplitudes: [amplitudes.agent, amplitudes.customer], codecArgs: ['-c:a', 'pcm_s16le'],
    });
    const audio = await ingestRecording(file, { agentChannel: 1 }, silentEffects);
    expect(audio.partyOfChannel).toEqual(['customer', 'agent']);
    const acoustics = await analyzeAudio(audio, silentEffects);
    const agent = acoustics.channelLevels.find((level) => level.party === 'agent')!;
    expect(agent.channel).toBe(1);
    expect(agent.peak_dbfs).toBeLessThan(-22);
  });

  it('stops ffmpeg when the consumer stops reading early', async () => {
    const file = await makeToneRecording(temp.file('long.flac'), {
      durationS: 60, sampleRateHz: 16000, channelAmplitudes: [0.3, 0.3], codecArgs: ['-c:a', 'flac'],
    });
    const audio = await ingestRecording(file, { agentChannel: 0 }, silentEffects);
    let blocks = 0;
    for await (const _block of audio.openPcm(16000)) {
      if (++blocks === 2) break;
    }
    expect(blocks).toBe(2);
  });
});
