/**
 * What an analysis uses for a field its spec leaves out. The settings (config/) take their
 * built-ins from here, so each default is written once; this file stays light to keep reading
 * the settings cheap.
 */
import { defaultSentimentModelId } from '../models/locations.ts';
import { languages, type RedactionMode } from './result/call-result.ts';

export const analyzeDefaults = Object.freeze({
  agentChannel: 0 as 0 | 1,
  /** Every language with a rule pack. */
  languages,
  sentimentModelId: defaultSentimentModelId,
  /** Personal data is masked in every stored text unless a deployment says otherwise. */
  redaction: 'text' as RedactionMode,
});
