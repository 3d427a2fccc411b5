/**
 * Whether an Ogg file (Opus, Vorbis, FLAC in Ogg) ends where its stream ends. Ogg declares no
 * length: ffprobe takes the duration from the last page it finds, so a file cut in half probes
 * and decodes as a shorter, healthy call. A finished stream ends with a complete page flagged
 * end-of-stream, exactly at the end of the file (RFC 3533).
 */
import { open } from 'node:fs/promises';

const headerBytes = 27;
/** A page is at most 27 + 255 + 255 × 255 bytes, so the last one starts within this tail. */
const longestPageBytes = headerBytes + 255 + 255 * 255;
const endOfStreamFlag = 0x04;

/** Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0 (RFC 3533 §6). */
const crcTable = Uint32Array.from({ length: 256 }, (_, index) => {
  let crc = index << 24;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  return crc >>> 0;
});

function pageCrc(page: Buffer): number {
  let crc = 0;
  for (let index = 0; index < page.length; index++) {
    // The checksum field itself (bytes 22–25) counts as zero.
    const byte = index >= 22 && index < 26 ? 0 : page[index]!;
    crc = ((crc << 8) ^ crcTable[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  }
  return crc;
}

/** The length of the complete, checksum-valid page starting at `offset`, or null. */
function findPageLength(tail: Buffer, offset: number): number | null {
  if (offset + headerBytes > tail.length || tail.toString('ascii', offset, offset + 4) !== 'OggS' || tail[offset + 4] !== 0) return null;
  const segmentCount = tail[offset + 26]!;
  if (offset + headerBytes + segmentCount > tail.length) return null;
  let length = headerBytes + segmentCount;
  for (let segment = 0; segment < segmentCount; segment++) length += tail[offset + headerBytes + segment]!;
  if (offset + length > tail.length) return null;
  const page = tail.subarray(offset, offset + length);
  return pageCrc(page) === page.readUInt32LE(22) ? length : null;
}

/** What is wrong with the end of an Ogg file, or null when its last page ends the stream. */
export async function findOggEndProblem(filePath: string, sizeBytes: number): Promise<string | null> {
  const handle = await open(filePath, 'r');
  try {
    const tail = Buffer.alloc(Math.min(sizeBytes, longestPageBytes));
    await handle.read(tail, 0, tail.length, sizeBytes - tail.length);
    // Walk back to the last real page: "OggS" may also occur inside a packet.
    for (let offset = tail.lastIndexOf('OggS'); offset >= 0; offset = offset === 0 ? -1 : tail.lastIndexOf('OggS', offset - 1)) {
      const length = findPageLength(tail, offset);
      if (length === null) continue;
      if (offset + length < tail.length) return `the file ends ${tail.length - offset - length} bytes into a page that is cut off`;
      return tail[offset + 5]! & endOfStreamFlag ? null : 'its last page does not end the stream, so the rest is missing';
    }
    return 'no complete page in its last 64 kB';
  } finally {
    await handle.close();
  }
}
