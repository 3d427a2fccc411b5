/**
 * A minimal ZIP writer (stored entries, no compression: clips are already MP3 and transcripts
 * are tiny), so a clip download is one file any OS opens. Format: PKWARE APPNOTE 6.3.x,
 * sections 4.3.7 (local header), 4.3.12 (central directory) and 4.3.16 (end record).
 */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

const crcTable = Array.from({ length: 256 }, (_, byte) => {
  let value = byte;
  for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

/** CRC-32 as ZIP uses it (ISO 3309 polynomial, reflected). */
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time, the only timestamp ZIP headers carry (2-second resolution). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Common fields of the local and central headers, from "version needed" to "extra length". */
function sharedFields(name: Buffer, entry: ZipEntry, stamp: { time: number; date: number }): Buffer {
  const fields = Buffer.alloc(26);
  fields.writeUInt16LE(20, 0); // version needed: 2.0
  fields.writeUInt16LE(0x0800, 2); // flag bit 11: names are UTF-8
  fields.writeUInt16LE(0, 4); // method 0: stored
  fields.writeUInt16LE(stamp.time, 6);
  fields.writeUInt16LE(stamp.date, 8);
  fields.writeUInt32LE(crc32(entry.data), 10);
  fields.writeUInt32LE(entry.data.length, 14);
  fields.writeUInt32LE(entry.data.length, 18);
  fields.writeUInt16LE(name.length, 22);
  fields.writeUInt16LE(0, 24); // no extra field
  return fields;
}

/** The archive's bytes. */
export function createZipArchive(entries: readonly ZipEntry[], modifiedAt: Date): Buffer {
  const stamp = dosDateTime(modifiedAt);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const fields = sharedFields(name, entry, stamp);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), fields, name, entry.data]);
    const centralTail = Buffer.alloc(14); // comment length, disk, attributes: zero; then the offset
    centralTail.writeUInt32LE(offset, 10);
    centrals.push(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 0]), fields, centralTail, name]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}
