/**
 * Sun AU (.au, .snd) header checks. The AU header is the only witness of the sample rate and
 * of the data length (WAV writes the rate twice, so a damaged one disagrees), and ffmpeg reads
 * an AU file to its end whatever the header declares: a flipped rate byte or bytes appended
 * after the audio would otherwise give a wrong length reported as ok.
 */
import { open } from 'node:fs/promises';
import { CallqaError } from '../../core/errors.ts';
import type { InputLimits } from './input-limits.ts';

export interface AuHeader {
  dataOffset: number;
  /** null where the writer did not know the length (0xFFFFFFFF, streaming recorders). */
  dataSizeBytes: number | null;
  sampleRateHz: number;
  fileSizeBytes: number;
}

const unknownDataSize = 0xffffffff;
const headerBytes = 24;

/** Reads a Sun AU header; null for any other file. */
export async function readAuHeader(filePath: string, fileSizeBytes: number): Promise<AuHeader | null> {
  if (fileSizeBytes < headerBytes) return null;
  const handle = await open(filePath, 'r');
  try {
    const header = Buffer.alloc(headerBytes);
    await handle.read(header, 0, headerBytes, 0);
    if (header.toString('latin1', 0, 4) !== '.snd') return null;
    const dataSize = header.readUInt32BE(8);
    return {
      dataOffset: header.readUInt32BE(4),
      dataSizeBytes: dataSize === unknownDataSize ? null : dataSize,
      sampleRateHz: header.readUInt32BE(16),
      fileSizeBytes,
    };
  } finally {
    await handle.close();
  }
}

/** Refuses an AU header whose rate is not one recorders write or whose length disagrees with the file. */
export function checkAuHeader(source: string, au: AuHeader, limits: InputLimits): void {
  const refuse = (problem: string) =>
    new CallqaError('CQA_ERR_INPUT_BAD_HEADER', `${source}: invalid AU header: ${problem}; export the recording again`);
  if (!limits.standardSampleRatesHz.includes(au.sampleRateHz)) {
    throw refuse(`${au.sampleRateHz} Hz is not a sample rate recorders write (${limits.standardSampleRatesHz.join(', ')} Hz)`);
  }
  if (au.dataSizeBytes === null) return;
  const fileDataBytes = au.fileSizeBytes - au.dataOffset;
  if (fileDataBytes < au.dataSizeBytes) {
    throw new CallqaError(
      'CQA_ERR_INPUT_TRUNCATED',
      `${source}: truncated AU: its header declares ${au.dataSizeBytes - fileDataBytes} more bytes of audio than the file holds; copy or export it again`,
    );
  }
  if (fileDataBytes > au.dataSizeBytes) {
    throw refuse(`the file holds ${fileDataBytes - au.dataSizeBytes} bytes after the ${au.dataSizeBytes} bytes of audio it declares`);
  }
}
