import { readFileSync } from 'node:fs';
import type { Utterance } from '../../result/call-result.ts';
import { transcriptError } from './transcript-error.ts';

/** Bounds on an imported transcript (transcript-limits.json says why each is what it is). */
export interface TranscriptLimits {
  readonly maxUtteranceChars: number;
  readonly maxUtterances: number;
  readonly maxJsonDepth: number;
  readonly endToleranceS: number;
}

const { maxUtteranceChars, maxUtterances, maxJsonDepth, endToleranceS } = JSON.parse(
  readFileSync(new URL('./transcript-limits.json', import.meta.url), 'utf8'),
) as TranscriptLimits;

export const transcriptLimits: TranscriptLimits = Object.freeze({ maxUtteranceChars, maxUtterances, maxJsonDepth, endToleranceS });

/**
 * Refuses JSON nested deeper than the limit before parsing it: JSON.parse and every walk over
 * the value afterwards recurse once per level. One pass over the text, strings skipped.
 */
export function checkJsonDepth(content: string, fileName: string): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < content.length; index++) {
    const char = content[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      if (++depth > transcriptLimits.maxJsonDepth) {
        throw transcriptError(fileName, 'JSON', `nested deeper than ${transcriptLimits.maxJsonDepth} levels (at character ${index + 1})`);
      }
    } else if (char === ']' || char === '}') depth--;
  }
}

/** Refuses too many utterances, an over-long one, or one ending after the recording does. */
export function checkUtterances(utterances: readonly Utterance[], fileName: string, recordingDurationS: number | null): void {
  if (utterances.length > transcriptLimits.maxUtterances) {
    throw transcriptError(fileName, 'utterances', `${utterances.length} utterances, more than the ${transcriptLimits.maxUtterances} a recording can hold`);
  }
  utterances.forEach((utterance, index) => {
    if (utterance.text.length > transcriptLimits.maxUtteranceChars) {
      throw transcriptError(fileName, `utterance ${index + 1}`, `${utterance.text.length} characters, more than the ${transcriptLimits.maxUtteranceChars} one utterance can hold`);
    }
    if (recordingDurationS !== null && utterance.end > recordingDurationS + transcriptLimits.endToleranceS) {
      throw transcriptError(fileName, `utterance ${index + 1}`, `ends at ${utterance.end} s, after the recording (${recordingDurationS.toFixed(1)} s); is it the transcript of this call?`);
    }
  });
}
