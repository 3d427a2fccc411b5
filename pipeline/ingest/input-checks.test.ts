import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { makeToneRecording } from './audio-fixtures.test-helper.ts';
import { decodePcm } from './decode.ts';
import { defaultInputLimits } from './input-limits.ts';
import { probeRecording } from './probe.ts';

interface WavFields {
  channels: number;
  sampleRateHz: number;
  blockAlign: number;
  bitsPerSample: number;
  /** Defaults to PCM (1), and to the byte rate the other fields make. */
  formatTag?: number;
  byteRate?: number;
}

/** A PCM WAV with the given header fields over one second of 16-bit stereo 8 kHz silence. */
function wavWithHeader({ channels, sampleRateHz, blockAlign, bitsPerSample, formatTag = 1, byteRate = sampleRateHz * blockAlign }: WavFields): Buffer {
  const dataBytes = 8000 * 4;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(formatTag, 20);
  wav.writeUInt16LE(channels, 22);
  wav.writeUInt32LE(sampleRateHz, 24);
  wav.writeUInt32LE(byteRate, 28);
  wav.writeUInt16LE(blockAlign, 32);
  wav.writeUInt16LE(bitsPerSample, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  return wav;
}

const canonical: WavFields = { channels: 2, sampleRateHz: 8000, blockAlign: 4, bitsPerSample: 16 };

async function drain(blocks: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of blocks);
}

describe('ingest refuses inputs that would cost hours or report wrong figures', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it.each([
    ['a 2 Hz sample rate', { ...canonical, sampleRateHz: 2 }, 'CQA_ERR_INPUT_SAMPLE_RATE', /declares 2 Hz; callqa reads 4000 Hz and above/],
    ['1 bit per sample', { ...canonical, bitsPerSample: 1 }, 'CQA_ERR_INPUT_BAD_HEADER', /invalid WAV header: 1 bits per sample/],
    ['3 bits per sample', { ...canonical, bitsPerSample: 3 }, 'CQA_ERR_INPUT_BAD_HEADER', /invalid WAV header: 3 bits per sample/],
    ['block_align 0', { ...canonical, blockAlign: 0 }, 'CQA_ERR_INPUT_BAD_HEADER', /invalid WAV header: block_align is 0/],
    ['a block size that does not fit', { ...canonical, blockAlign: 3 }, 'CQA_ERR_INPUT_BAD_HEADER', /block_align is 3, but 2 channel\(s\) of 16 bits make 4/],
    ['a sample rate its byte rate contradicts', { ...canonical, byteRate: 16000 }, 'CQA_ERR_INPUT_BAD_HEADER', /16000 bytes per second, but 8000 Hz of 4-byte blocks make 32000/],
    ['one µ-law channel in two-byte blocks', { ...canonical, formatTag: 7, channels: 1, bitsPerSample: 8, blockAlign: 2 }, 'CQA_ERR_INPUT_BAD_HEADER', /block_align is 2, but 1 channel\(s\) of 8 bits make 1/],
  ])('a WAV header declaring %s', async (name, fields, code, message) => {
    const file = temp.file(`${name.replaceAll(' ', '-')}.wav`);
    await writeFile(file, wavWithHeader(fields));
    await expect(probeRecording(file)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    await expect(probeRecording(file)).rejects.toMatchObject({ message: expect.stringContaining(file) });
  });

  it('accepts the canonical header those cases are mutations of', async () => {
    const file = temp.file('canonical.wav');
    await writeFile(file, wavWithHeader(canonical));
    expect(await probeRecording(file)).toMatchObject({ sampleRateHz: 8000, channels: 2, declaredDurationS: 1 });
  });

  it('refuses an AU file whose rate byte is damaged or that holds bytes after its declared audio, and accepts the whole file', async () => {
    const whole = await makeToneRecording(temp.file('whole.au'), { durationS: 2, sampleRateHz: 8000, channelAmplitudes: [0.3, 0.1], codecArgs: ['-c:a', 'pcm_mulaw', '-f', 'au'] });
    const bytes = await readFile(whole);
    expect(await probeRecording(whole)).toMatchObject({ container: 'au', sampleRateHz: 8000, declaredDurationS: expect.closeTo(2, 1) });
    const oddRate = temp.file('odd-rate.au');
    await writeFile(oddRate, Buffer.from(bytes).fill(0x9f, 18, 19));
    await expect(probeRecording(oddRate)).rejects.toMatchObject({
      code: 'CQA_ERR_INPUT_BAD_HEADER', message: expect.stringMatching(/odd-rate\.au: invalid AU header: 40768 Hz is not a sample rate recorders write/),
    });
    const appended = temp.file('appended.au');
    await writeFile(appended, Buffer.concat([bytes, Buffer.alloc(4096, 0x55)]));
    await expect(probeRecording(appended)).rejects.toMatchObject({
      code: 'CQA_ERR_INPUT_BAD_HEADER', message: expect.stringMatching(/appended\.au: invalid AU header: the file holds 4096 bytes after the \d+ bytes of audio it declares/),
    });
    const cut = temp.file('cut.au');
    await writeFile(cut, bytes.subarray(0, bytes.length - 1000));
    await expect(probeRecording(cut)).rejects.toMatchObject({ code: 'CQA_ERR_INPUT_TRUNCATED', message: expect.stringMatching(/cut\.au: truncated AU: its header declares 1000 more bytes/) });
  });

  it('refuses a truncated Ogg/Opus, cut inside a page or at a page boundary, and accepts the whole file', async () => {
    const whole = await makeToneRecording(temp.file('whole.ogg'), { durationS: 20, sampleRateHz: 16000, channelAmplitudes: [0.3, 0.1], codecArgs: ['-c:a', 'libopus'] });
    const bytes = await readFile(whole);
    expect(await probeRecording(whole)).toMatchObject({ container: 'ogg', codec: 'opus' });
    const cutInPage = temp.file('cut-in-page.ogg');
    await writeFile(cutInPage, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(probeRecording(cutInPage)).rejects.toMatchObject({
      code: 'CQA_ERR_INPUT_TRUNCATED', message: expect.stringMatching(/cut-in-page\.ogg: truncated Ogg: the file ends \d+ bytes into a page/),
    });
    const cutAtPage = temp.file('cut-at-page.ogg');
    await writeFile(cutAtPage, bytes.subarray(0, bytes.lastIndexOf('OggS')));
    await expect(probeRecording(cutAtPage)).rejects.toMatchObject({
      code: 'CQA_ERR_INPUT_TRUNCATED', message: expect.stringMatching(/cut-at-page\.ogg: truncated Ogg: its last page does not end the stream/),
    });
  });

  it('takes the declared length from the container where the stream has none (Matroska), so the decoded length is checked against it', async () => {
    const whole = await makeToneRecording(temp.file('whole.mkv'), { durationS: 10, sampleRateHz: 16000, channelAmplitudes: [0.3, 0.1], codecArgs: ['-c:a', 'libopus'] });
    expect(await probeRecording(whole)).toMatchObject({ container: 'matroska,webm', declaredDurationS: expect.closeTo(10, 1) });
    await expect(drain(decodePcm(await probeRecording(whole), 8000, defaultInputLimits))).resolves.toBeUndefined();
  });

  it('bounds the duration by the declared length, and while decoding where none is declared', async () => {
    const file = await makeToneRecording(temp.file('three-seconds.flac'), { durationS: 3, sampleRateHz: 8000, channelAmplitudes: [0.3], codecArgs: ['-c:a', 'flac'] });
    const limits = { ...defaultInputLimits, maxDurationS: 2 };
    await expect(probeRecording(file, limits)).rejects.toMatchObject({
      code: 'CQA_ERR_INPUT_TOO_LONG', message: expect.stringMatching(/three-seconds\.flac: the recording declares 3 s; callqa accepts at most 2 s:/),
    });
    const probe = { ...(await probeRecording(file)), declaredDurationS: null };
    await expect(drain(decodePcm(probe, 8000, limits))).rejects.toMatchObject({
      code: 'CQA_ERR_INPUT_TOO_LONG', message: expect.stringMatching(/three-seconds\.flac: the recording decodes to more than 2 s; callqa accepts at most 2 s/),
    });
    await expect(drain(decodePcm(probe, 8000, defaultInputLimits))).resolves.toBeUndefined();
  });

  it('stops a decode that takes more CPU time than the limit', async () => {
    const file = await makeToneRecording(temp.file('ten-minutes.flac'), { durationS: 600, sampleRateHz: 16000, channelAmplitudes: [0.3, 0.1], codecArgs: ['-c:a', 'flac'] });
    const probe = await probeRecording(file);
    await expect(drain(decodePcm(probe, 16000, { ...defaultInputLimits, decodeCpuLimitS: 0.02 }))).rejects.toMatchObject({
      code: 'CQA_ERR_INPUT_DECODE_TIMEOUT', message: expect.stringMatching(/ten-minutes\.flac: decoding took more than 0\.02 s of CPU time/),
    });
  });
});
