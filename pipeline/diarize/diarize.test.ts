/**
 * The built-in diarizer end to end on a real mono call (espeak-ng voices, chord hold music,
 * line noise; mono-call.test-helper.ts): real ffmpeg decoding, the real Silero VAD, then the
 * two speakers told apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentEffects } from '../../core/effects.ts';
import { createTempFolder, type TempFolder } from '../../core/temp-folder.test-helper.ts';
import { analyzeAudio } from '../audio/index.ts';
import { intersectIntervals, totalDurationS } from '../audio/intervals.ts';
import { ingestRecording } from '../ingest/index.ts';
import { diarizeChannel, type Diarization } from './index.ts';
import { speak, writeCall } from '../audio/call-fixtures.test-helper.ts';
import { writeMonoCall, type MonoLine } from './mono-call.test-helper.ts';

let temp: TempFolder;
let lines: MonoLine[];
let diarization: Diarization;
let oneVoice: Diarization;

async function diarizeFile(file: string): Promise<Diarization> {
  const audio = await ingestRecording(file, { agentChannel: 0, maxDurationS: 600 }, silentEffects);
  const acoustics = await analyzeAudio(audio, silentEffects);
  const speech = acoustics.speech.segments.map(({ startS, endS }) => ({ startS, endS }));
  return diarizeChannel(audio, 0, speech, acoustics.analysedSampleRateHz, silentEffects);
}

beforeAll(async () => {
  temp = await createTempFolder();
  ({ lines } = await writeMonoCall(temp.folder, temp.file('mono.wav')));
  diarization = await diarizeFile(temp.file('mono.wav'));
  const message = await speak(temp.folder, 'Hello, this is a message for the billing department. Please call me back tomorrow morning, my number is four four seven, one two nine.');
  await writeCall(temp.file('voicemail.wav'), 1, message.length / 8000 + 1, [{ channel: 0, atS: 0.5, samples: message }]);
  oneVoice = await diarizeFile(temp.file('voicemail.wav'));
}, 120_000);

afterAll(() => temp.remove());

/** Seconds of `line` that the diarization gives to `speaker`. */
const heardAs = (line: MonoLine, speaker: 'A' | 'B') =>
  totalDurationS(intersectIntervals([line], diarization.turns.filter((turn) => turn.speaker === speaker)));

describe('built-in diarization of a mono call', () => {
  it('gives each line to the speaker of its voice: A for the agent (heard first), B for the customer', () => {
    for (const line of lines) {
      const own = heardAs(line, line.party === 'agent' ? 'A' : 'B');
      expect(own / (line.endS - line.startS), `${line.party}: ${line.text}`).toBeGreaterThan(0.8);
    }
  });

  it('labels itself built-in and blind to overlaps', () => {
    expect(diarization.source).toBe('builtin');
    expect(diarization.overlapsVisible).toBe(false);
  });

  it('finds one speaker in a one-voice recording (a voicemail) instead of splitting the voice in two', () => {
    expect(oneVoice.turns.length).toBeGreaterThan(0);
    expect(new Set(oneVoice.turns.map((turn) => turn.speaker))).toEqual(new Set(['A']));
  });

  it('keeps turns inside speech: nothing during the hold music', () => {
    const hold = { startS: lines[5]!.endS + 0.5, endS: lines[6]!.startS - 0.5 };
    expect(totalDurationS(intersectIntervals([hold], diarization.turns))).toBe(0);
  });
});
