/**
 * Malformed inputs made from the encoded sources by a seeded generator, so one seed always
 * gives the same files. Each case says what a correct outcome is: a clear error always is;
 * an ok only where the mutation leaves media whose length is known.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { EncodedSource } from './encode-sources.ts';

/**
 * `error`: an ok is wrong (the input lies or is not a recording). `same`: an ok must report the
 * source's channels and decoded duration. `held`: an ok must report about `fraction` of the
 * source's duration (the bytes left after a cut), not what a header claims.
 */
export type Expectation =
  | { kind: 'error' }
  | { kind: 'same'; durationS: number; channels: number }
  | { kind: 'held'; durationS: number; fraction: number; channels: number };

export interface FuzzCase {
  /** Path of the recording handed to `callqa analyze`. */
  filePath: string;
  family: string;
  container: string;
  expect: Expectation;
  /** A further file the outcome's message may name instead of the recording (its transcript). */
  alsoNamed?: string;
}

/** mulberry32: a small seeded generator, enough for choosing offsets and bytes. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const truncationFractions = [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
const truncationBytes = [1, 4, 12, 44, 100, 512];
const headerFlipsPerSource = 10;
const dataFlipsPerSource = 6;
const headerRegionBytes = 64;

interface Writer {
  folder: string;
  cases: FuzzCase[];
  next: number;
}

async function addCase(writer: Writer, name: string, bytes: Buffer | string, entry: Omit<FuzzCase, 'filePath'>): Promise<string> {
  const filePath = path.join(writer.folder, `${String(writer.next++).padStart(4, '0')}-${name}`);
  await writeFile(filePath, bytes);
  writer.cases.push({ filePath, ...entry });
  return filePath;
}

function flipped(bytes: Buffer, offsets: readonly number[], random: () => number): Buffer {
  const copy = Buffer.from(bytes);
  for (const offset of offsets) copy[offset] = copy[offset]! ^ (1 + Math.floor(random() * 255));
  return copy;
}

/** Offset of the WAV data chunk's payload, or -1 (the fmt chunk is at 12 in ffmpeg's output). */
function wavDataOffset(bytes: Buffer): number {
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    if (bytes.toString('ascii', offset, offset + 4) === 'data') return offset + 8;
    offset += 8 + bytes.readUInt32LE(offset + 4);
  }
  return -1;
}

interface HeaderField {
  name: string;
  offset: number;
  size: 2 | 4;
  value: (bytes: Buffer) => number;
}

/** Canonical WAV offsets (RIFF, then fmt at 12); the data chunk size is found by walking. */
function wavFields(bytes: Buffer): HeaderField[] {
  const dataSizeOffset = wavDataOffset(bytes) - 4;
  const dataSize = bytes.readUInt32LE(dataSizeOffset);
  const constant = (value: number) => () => value;
  const fields: HeaderField[] = [
    ...[0, 4, 0xffffffff, bytes.length + 1000].map((value) => ({ name: `riff-size-${value}`, offset: 4, size: 4 as const, value: constant(value) })),
    ...[0, 14, 40].map((value) => ({ name: `fmt-size-${value}`, offset: 16, size: 4 as const, value: constant(value) })),
    ...[0, 2, 0x55, 0xffff].map((value) => ({ name: `format-tag-${value}`, offset: 20, size: 2 as const, value: constant(value) })),
    ...[0, 1, 3, 255].map((value) => ({ name: `channels-${value}`, offset: 22, size: 2 as const, value: constant(value) })),
    ...[0, 1, 7, 4_294_967_295].map((value) => ({ name: `sample-rate-${value}`, offset: 24, size: 4 as const, value: constant(value) })),
    ...[0, 1].map((value) => ({ name: `byte-rate-${value}`, offset: 28, size: 4 as const, value: constant(value) })),
    { name: 'block-align-0', offset: 32, size: 2, value: constant(0) },
    ...[0, 1, 3, 64].map((value) => ({ name: `bits-${value}`, offset: 34, size: 2 as const, value: constant(value) })),
    ...[0, 0xffffffff, dataSize + 1000].map((value) => ({ name: `data-size-${value}`, offset: dataSizeOffset, size: 4 as const, value: constant(value) })),
  ];
  return fields;
}

function withField(bytes: Buffer, field: HeaderField): Buffer {
  const copy = Buffer.from(bytes);
  if (field.size === 2) copy.writeUInt16LE(field.value(bytes), field.offset);
  else copy.writeUInt32LE(field.value(bytes), field.offset);
  return copy;
}

async function addSourceMutations(writer: Writer, source: EncodedSource, random: () => number): Promise<void> {
  const bytes = await readFile(source.filePath);
  const container = source.encoding.id;
  const extension = source.encoding.extension;
  const same: Expectation = { kind: 'same', durationS: source.durationS, channels: source.channels };
  const stem = `${source.sample}-${container}`;
  await addCase(writer, `${stem}-clean${extension}`, bytes, { family: 'clean', container, expect: same });
  const cuts = [...truncationFractions.map((fraction) => Math.floor(bytes.length * fraction)), ...truncationBytes, bytes.length - 1];
  for (const cut of cuts) {
    await addCase(writer, `${stem}-truncated-${cut}${extension}`, bytes.subarray(0, cut), {
      family: 'truncation', container, expect: { kind: 'held', durationS: source.durationS, fraction: cut / bytes.length, channels: source.channels },
    });
  }
  const headerBytes = Math.min(headerRegionBytes, bytes.length);
  for (let index = 0; index < headerFlipsPerSource; index++) {
    const offsets = [Math.floor(random() * headerBytes)];
    await addCase(writer, `${stem}-header-flip-${offsets[0]}${extension}`, flipped(bytes, offsets, random), { family: 'header-flip', container, expect: same });
  }
  const dataStart = Math.max(headerBytes, container.startsWith('wav') ? wavDataOffset(bytes) : Math.floor(bytes.length / 5));
  for (let index = 0; index < dataFlipsPerSource; index++) {
    const offsets = Array.from({ length: 1 + index }, () => dataStart + Math.floor(random() * (bytes.length - dataStart)));
    await addCase(writer, `${stem}-data-flip-${index}${extension}`, flipped(bytes, offsets, random), { family: 'data-flip', container, expect: same });
  }
  const garbage = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
  await addCase(writer, `${stem}-appended${extension}`, Buffer.concat([bytes, garbage]), { family: 'appended-garbage', container, expect: same });
  const wrongExtension = extension === '.mp3' ? '.wav' : '.mp3';
  await addCase(writer, `${stem}-renamed${wrongExtension}`, bytes, { family: 'wrong-extension', container, expect: same });
  if (container.startsWith('wav')) {
    for (const field of wavFields(bytes)) {
      // 0xFFFFFFFF is what streaming recorders write for "length unknown"; a real size past the end is a cut.
      const declaresTooMuch = field.name.startsWith('data-size-') && field.value(bytes) !== 0xffffffff && field.value(bytes) > bytes.length;
      const expect: Expectation = declaresTooMuch ? { kind: 'error' } : same;
      await addCase(writer, `${stem}-${field.name}${extension}`, withField(bytes, field), { family: 'wav-field', container, expect });
    }
  }
}

const validUtterances = [
  { party: 'agent', start: 0.2, end: 1.4, text: 'Good morning, thank you for calling.' },
  { party: 'customer', start: 1.6, end: 2.6, text: 'Hello, I have a question about my bill.' },
];

/** Transcripts written beside a copy of the recording; `ok` says whether callqa should accept them. */
const transcriptCases: readonly { name: string; text: string; ok: boolean }[] = [
  { name: 'valid', text: JSON.stringify({ utterances: validUtterances }), ok: true },
  { name: 'bom', text: `\ufeff${JSON.stringify({ utterances: validUtterances })}`, ok: true },
  { name: 'bad-json', text: JSON.stringify({ utterances: validUtterances }).slice(0, 40), ok: false },
  { name: 'not-object', text: '[1, 2, 3]', ok: false },
  { name: 'null', text: 'null', ok: false },
  { name: 'empty', text: '', ok: false },
  { name: 'deep-nesting', text: `{"utterances": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, ok: false },
  { name: 'huge-utterance', text: JSON.stringify({ utterances: [{ ...validUtterances[0], text: 'word '.repeat(400_000) }] }), ok: false },
  { name: 'many-utterances', text: JSON.stringify({ utterances: Array.from({ length: 50_000 }, (_, index) => ({ party: 'agent', start: index * 1e-5, end: index * 1e-5 + 1e-5, text: 'a' })) }), ok: false },
  { name: 'past-the-end', text: JSON.stringify({ utterances: [...validUtterances, { party: 'agent', start: 100, end: 101, text: 'late' }] }), ok: false },
  { name: 'at-1e9-s', text: JSON.stringify({ utterances: [{ party: 'agent', start: 1e9, end: 1e9 + 1, text: 'far' }] }), ok: false },
  { name: 'end-before-start', text: JSON.stringify({ utterances: [{ party: 'agent', start: 2, end: 1, text: 'back' }] }), ok: false },
  { name: 'negative-start', text: JSON.stringify({ utterances: [{ party: 'agent', start: -5, end: 1, text: 'early' }] }), ok: false },
  { name: 'string-times', text: JSON.stringify({ utterances: [{ party: 'agent', start: '0', end: '1', text: 'typed' }] }), ok: false },
  { name: 'unknown-party', text: JSON.stringify({ utterances: [{ party: 'robot', start: 0, end: 1, text: 'beep' }] }), ok: false },
  { name: 'binary', text: '\u0000\u0001\u0002PK\u0003\u0004', ok: false },
];

async function addTranscriptCases(writer: Writer, source: EncodedSource): Promise<void> {
  const same: Expectation = { kind: 'same', durationS: source.durationS, channels: source.channels };
  for (const transcript of transcriptCases) {
    const filePath = await addCase(writer, `${source.sample}-transcript-${transcript.name}.wav`, await readFile(source.filePath), {
      family: 'transcript', container: source.encoding.id, expect: transcript.ok ? same : { kind: 'error' },
    });
    const transcriptPath = filePath.replace(/\.wav$/, '.transcript.json');
    await writeFile(transcriptPath, transcript.text);
    writer.cases.at(-1)!.alsoNamed = path.basename(transcriptPath);
  }
}

const textExtensions = ['.wav', '.mp3', '.ogg', '.flac', '.m4a', '.aac', '.gsm', '.au', '.amr', '.wma', '.mkv', '.webm', '.opus'];

async function addNonRecordings(writer: Writer, source: EncodedSource): Promise<void> {
  const error: Expectation = { kind: 'error' };
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').slice(0, 4000);
  for (const extension of textExtensions) {
    await addCase(writer, `zero-length${extension}`, Buffer.alloc(0), { family: 'zero-length', container: extension.slice(1), expect: error });
    await addCase(writer, `text${extension}`, readme, { family: 'text-renamed', container: extension.slice(1), expect: error });
  }
  const target = source.filePath;
  await addCase(writer, 'playlist.m3u8', `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${target}\n#EXT-X-ENDLIST\n`, { family: 'playlist', container: 'hls', expect: error });
  await addCase(writer, 'playlist-as.wav', `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${target}\n#EXT-X-ENDLIST\n`, { family: 'playlist', container: 'hls', expect: error });
  await addCase(writer, 'playlist.m3u', `#EXTM3U\n#EXTINF:3,call\n${target}\n`, { family: 'playlist', container: 'm3u', expect: error });
  await addCase(writer, 'concat.ffconcat', `ffconcat version 1.0\nfile '${target}'\n`, { family: 'playlist', container: 'ffconcat', expect: error });
  await addCase(writer, 'concat-as.mp3', `ffconcat version 1.0\nfile '${target}'\n`, { family: 'playlist', container: 'ffconcat', expect: error });
  await addCase(writer, 'image2-%03d.wav', await readFile(target), { family: 'special', container: 'image2-pattern', expect: { kind: 'same', durationS: source.durationS, channels: source.channels } });
  await addSpecialFiles(writer);
}

/** FIFOs, links to devices and dangling links: what a folder of recordings may also hold. */
async function addSpecialFiles(writer: Writer): Promise<void> {
  const error: Expectation = { kind: 'error' };
  const add = (name: string, container: string) => {
    const filePath = path.join(writer.folder, `${String(writer.next++).padStart(4, '0')}-${name}`);
    writer.cases.push({ filePath, family: 'special', container, expect: error });
    return filePath;
  };
  execFileSync('mkfifo', [add('fifo.wav', 'fifo')]);
  await symlink('/dev/zero', add('dev-zero.wav', 'symlink-dev-zero'));
  await symlink('/dev/null', add('dev-null.mp3', 'symlink-dev-null'));
  await symlink(path.join(writer.folder, 'missing.wav'), add('dangling.wav', 'dangling-symlink'));
  await mkdir(path.join(writer.folder, 'folder-as.wav', 'inner'), { recursive: true });
  await copyFile('/dev/null', path.join(writer.folder, 'folder-as.wav', 'inner', 'empty.wav'));
  writer.cases.push({ filePath: path.join(writer.folder, 'folder-as.wav', 'inner', 'empty.wav'), family: 'special', container: 'inside-folder', expect: error });
}

/** Writes every case for `sources` into `folder`; the same seed and sources give the same files. */
export async function generateCases(sources: readonly EncodedSource[], folder: string, seed: number): Promise<FuzzCase[]> {
  const random = createRandom(seed);
  const writer: Writer = { folder, cases: [], next: 0 };
  for (const source of sources) await addSourceMutations(writer, source, random);
  const transcriptSources = sources.filter((source) => source.encoding.id === 'wav-pcm16');
  for (const source of transcriptSources) await addTranscriptCases(writer, source);
  await addNonRecordings(writer, transcriptSources[0] ?? sources[0]!);
  return writer.cases;
}
