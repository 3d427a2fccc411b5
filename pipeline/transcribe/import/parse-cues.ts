/**
 * WebVTT and SubRip transcripts. A cue's speaker comes from a `<v Name>` voice tag or a
 * `Name:` prefix and is mapped to a party; a cue without either is the "unknown" party.
 */
import type { Party, Utterance } from '../../result/call-result.ts';
import { findPartyOfSpeaker, type SpeakerMapping } from './speaker-mapping.ts';
import { transcriptError } from './transcript-error.ts';

export type CueFormat = 'vtt' | 'srt';

interface Cue {
  lineNumber: number;
  timing: string;
  payload: string[];
}

const timingPattern = /^(\S+)\s+-->\s+(\S+)/;
const timestampPattern = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/;
const voicePattern = /<v(?:\.[^\s>]*)?\s+([^>]+)>/;
const prefixPattern = /^([\p{L}][\p{L}\p{N} ._-]{0,40}):\s+/u;

function toSeconds(stamp: string): number | null {
  const match = timestampPattern.exec(stamp);
  if (!match) return null;
  const [, hours, minutes, seconds, fraction] = match;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(fraction!.padEnd(3, '0')) / 1000;
}

/** Blocks separated by blank lines that contain a timing line; VTT headers, NOTE and STYLE blocks have none. */
function splitCues(content: string): Cue[] {
  const cues: Cue[] = [];
  let block: { lineNumber: number; text: string }[] = [];
  const flush = () => {
    const timingAt = block.findIndex((line) => line.text.includes('-->'));
    if (timingAt >= 0 && !block[0]!.text.startsWith('NOTE')) {
      cues.push({ lineNumber: block[timingAt]!.lineNumber, timing: block[timingAt]!.text, payload: block.slice(timingAt + 1).map((line) => line.text) });
    }
    block = [];
  };
  content.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((text, index) => (text.trim() === '' ? flush() : block.push({ lineNumber: index + 1, text })));
  flush();
  return cues;
}

function speakerAndText(payload: readonly string[]): { speaker: string | null; text: string } {
  const joined = payload.join(' ');
  const voice = voicePattern.exec(joined);
  const untagged = joined.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  if (voice) return { speaker: voice[1]!.trim(), text: untagged };
  const prefix = prefixPattern.exec(untagged);
  return prefix ? { speaker: prefix[1]!, text: untagged.slice(prefix[0].length).trim() } : { speaker: null, text: untagged };
}

/** Parses VTT or SRT into utterances; errors name the file, the cue and its line. */
export function parseCueTranscript(content: string, format: CueFormat, fileName: string, mapping: SpeakerMapping): Utterance[] {
  if (format === 'vtt' && !content.replace(/^\uFEFF/, '').startsWith('WEBVTT')) throw transcriptError(fileName, 'line 1', 'a WebVTT file must start with "WEBVTT"');
  return splitCues(content).map((cue, index) => {
    const where = `cue ${index + 1} (line ${cue.lineNumber})`;
    const [, from = '', to = ''] = timingPattern.exec(cue.timing.trim()) ?? [];
    const start = toSeconds(from);
    const end = toSeconds(to);
    if (start === null || end === null || end < start) throw transcriptError(fileName, where, `bad timing "${cue.timing.trim()}", expected "00:01:02${format === 'srt' ? ',' : '.'}500 --> 00:01:04${format === 'srt' ? ',' : '.'}000"`);
    const { speaker, text } = speakerAndText(cue.payload);
    let party: Party = 'unknown';
    if (speaker !== null) {
      const mapped = findPartyOfSpeaker(mapping, speaker);
      if (!mapped) throw transcriptError(fileName, where, `speaker "${speaker}" is in no party of the speaker mapping (agent: ${mapping.agent.join(', ')}; customer: ${mapping.customer.join(', ')})`);
      party = mapped;
    }
    return { party, start, end, text };
  });
}
