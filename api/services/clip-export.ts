/**
 * An example as one download: a ZIP holding the audio of the span (cut from the original
 * recording with ffmpeg, encoded like the browser audio), its transcript lines as text, and
 * the example's record as JSON, so a trainer can drop it into a course as is.
 */
import type { RedactionMode } from '../../pipeline/result/call-result.ts';
import type { Example } from '../schemas/example.ts';
import { bleepFilterArgs, loadBleepSpans } from './bleeps.ts';
import { loadRecordingRef } from './call-detail.ts';
import { loadExample } from './examples.ts';
import { browserAudioFormat } from './media-formats.ts';
import { findVerifiedRecording } from './recording-files.ts';
import { cutToBuffer } from './run-ffmpeg.ts';
import type { SerializedDb } from './serialized-db.ts';
import { createZipArchive } from './zip-archive.ts';

export interface ClipArchive {
  fileName: string;
  /** The call the clip was cut from, for the access log. */
  callId: string;
  bytes: Buffer;
}

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${(seconds - minutes * 60).toFixed(1).padStart(4, '0')}`;
}

/** Transcript lines as "[mm:ss.s–mm:ss.s] party: text", times from the start of the call. */
function formatTranscript(example: Example): string {
  const header = `${example.label} example of ${example.guidance_ref}, call ${example.call_id}, ${clock(example.start_s)}–${clock(example.end_s)}\n${example.note}\n\n`;
  return header + example.transcript.map((line) => `[${clock(line.start)}–${clock(line.end)}] ${line.party}: ${line.text}\n`).join('');
}

/** The example's ZIP, redacted values bleeped as in the call's audio; CQA_ERR_API_NOT_FOUND or CQA_ERR_API_RECORDING_MISSING when it cannot be made. */
export async function createClipArchive(db: SerializedDb, exampleId: string, redaction: RedactionMode): Promise<ClipArchive> {
  const example = await db.read((sql) => loadExample(sql, exampleId));
  const recording = await findVerifiedRecording(await loadRecordingRef(db, example.call_id));
  const bleeps = await loadBleepSpans(db, example.call_id, redaction);
  const audio = await cutToBuffer(recording, example.start_s, example.end_s, [...bleepFilterArgs(bleeps, example.start_s), ...browserAudioFormat.encodeArgs]);
  const bytes = createZipArchive(
    [
      { name: `clip${browserAudioFormat.extension}`, data: audio },
      { name: 'transcript.txt', data: Buffer.from(formatTranscript(example), 'utf8') },
      { name: 'example.json', data: Buffer.from(`${JSON.stringify(example, null, 2)}\n`, 'utf8') },
    ],
    new Date(example.created_at),
  );
  return { callId: example.call_id, fileName: `example-${example.guidance_ref}-${example.label}-${example.example_id.slice(0, 8)}.zip`, bytes };
}
