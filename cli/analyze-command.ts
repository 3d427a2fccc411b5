import { defineCommand } from 'citty';
import { reportFailures } from './report-failures.ts';
import { CallqaError, partialFailureExitCode } from '../core/errors.ts';
import { defaultInputLimits, findRecordings, resolveFfmpegBinaries } from '../pipeline/ingest/index.ts';
import type { CallResult } from '../pipeline/result/call-result.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { runBatch } from '../pipeline/run-batch.ts';
import { closeRecognizers } from '../pipeline/transcribe/index.ts';
import { defaultModelsDir, defaultWhisperModelId } from '../models/locations.ts';
import { defaultDbPath, openStore } from '../store/index.ts';
import { formatSummaryTable } from './summary-table.ts';

function resolveAgentChannel(value: string): 0 | 1 {
  if (value === '0' || value === '1') return Number(value) as 0 | 1;
  throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--agent-channel must be 0 or 1, got "${value}"`);
}

export const analyzeCommand = defineCommand({
  meta: { name: 'analyze', description: 'Analyse recordings (files or folders, walked recursively) into the database' },
  args: {
    inputs: { type: 'positional', description: 'Recordings or folders of recordings', required: true },
    db: { type: 'string', description: 'DuckDB file to write', default: defaultDbPath },
    'agent-channel': { type: 'string', description: 'Stereo channel that carries the agent (0 or 1)', default: '0' },
    json: { type: 'boolean', description: 'Print one callqa.call/1 JSON object per file on stdout (JSON Lines)', default: false },
    transcript: { type: 'string', description: 'Transcript file (.json, .vtt, .srt) for a single recording, instead of speech-to-text' },
    language: { type: 'string', description: 'Force the call language (en, ru, hu) instead of detecting it' },
    languages: { type: 'string', description: 'Languages to detect among, comma-separated', default: 'en,ru,hu' },
    'models-dir': { type: 'string', description: 'Folder of installed models (callqa models pull)', default: defaultModelsDir() },
    'whisper-model': { type: 'string', description: 'Speech-to-text model id from `callqa models list`', default: defaultWhisperModelId },
    'max-duration-s': { type: 'string', description: 'Longest recording accepted, in seconds', default: String(defaultInputLimits.maxDurationS) },
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const agentChannel = resolveAgentChannel(args['agent-channel']);
      resolveFfmpegBinaries();
      const recordings = await findRecordings(args._);
      if (recordings.length === 0) {
        throw new CallqaError('CQA_ERR_INPUT_NONE_FOUND', `no recordings found in ${args._.join(', ')}; give audio files or folders holding them`);
      }
      if (args.transcript && recordings.length > 1) {
        throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--transcript belongs to one recording, but ${recordings.length} were given; put <name>.transcript.json beside each recording instead`);
      }
      const config = await resolveAnalyzeConfig(
        {
          agentChannel,
          maxDurationS: args['max-duration-s'],
          languages: args.languages.split(',').map((code) => code.trim()).filter(Boolean),
          forcedLanguage: args.language ?? null,
          transcriptPath: args.transcript ?? null,
          modelsDir: args['models-dir'],
          whisperModelId: args['whisper-model'],
        },
        effects,
      );
      const store = await openStore(args.db);
      const results: CallResult[] = [];
      try {
        const summary = await runBatch(recordings, config, store, effects, (result) => {
          if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else results.push(result);
        });
        if (!args.json) process.stdout.write(formatSummaryTable(results));
        effects.log(
          `${summary.ok} of ${summary.total} analysed into ${args.db} (${summary.audioS.toFixed(0)} s of audio in ${summary.elapsedS.toFixed(1)} s)` +
            (summary.failed ? `; ${summary.failed} failed` : ''),
        );
        if (summary.failed > 0) process.exitCode = partialFailureExitCode;
      } finally {
        store.close();
        await closeRecognizers();
      }
    }),
});
