import { CallqaError } from '../../../core/errors.ts';

/** An imported transcript that cannot be used; the message names the file, the place and the fix. */
export function transcriptError(fileName: string, where: string, problem: string): CallqaError {
  return new CallqaError('CQA_ERR_CONFIG_INVALID', `transcript ${fileName}: ${where}: ${problem}; fix the file or leave it out to transcribe the audio`);
}
