import { defineCommand } from 'citty';
import { reportFailures } from './report-failures.ts';
import { commandMeta } from './command-meta.ts';
import { configArg, loadCommandSettings, settingArgs } from './setting-args.ts';
import { toAnalyzeConfigSpec } from '../config/index.ts';
import { CallqaError, partialFailureExitCode } from '../core/errors.ts';
import { findRecordings, resolveFfmpegBinaries } from '../pipeline/ingest/index.ts';
import type { CallResult } from '../pipeline/result/call-result.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { runBatch } from '../pipeline/run-batch.ts';
import { closeRecognizers } from '../pipeline/transcribe/index.ts';
import { openStore, storeWriter } from '../store/index.ts';
import { formatSummaryTable } from './summary-table.ts';

const settingKeys = [
  'dbPath', 'agentChannel', 'languages', 'forcedLanguage', 'maxDurationS', 'namePattern', 'modelsDir', 'whisperModelId', 'sentimentModelId',
  'agentSentiment', 'redaction', 'rulePacksDir', 'scorecardPath',
] as const;

export const analyzeCommand = defineCommand({
  meta: commandMeta.analyze,
  args: {
    inputs: { type: 'positional', description: 'Recordings or folders of recordings', required: true },
    json: { type: 'boolean', description: 'Print one callqa.call/1 JSON object per file on stdout (JSON Lines)', default: false },
    transcript: { type: 'string', description: 'Transcript file (.json, .vtt, .srt) for a single recording, instead of speech-to-text' },
    ...configArg,
    ...settingArgs(settingKeys),
  },
  run: ({ args }) =>
    reportFailures(async (effects) => {
      const settings = await loadCommandSettings(args, settingKeys);
      const dbPath = settings.dbPath.value;
      resolveFfmpegBinaries();
      const recordings = await findRecordings(args._);
      if (recordings.length === 0) {
        throw new CallqaError('CQA_ERR_INPUT_NONE_FOUND', `no recordings found in ${args._.join(', ')}; give audio files or folders holding them`);
      }
      if (args.transcript && recordings.length > 1) {
        throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--transcript belongs to one recording, but ${recordings.length} were given; put <name>.transcript.json beside each recording instead`);
      }
      const config = await resolveAnalyzeConfig({ ...toAnalyzeConfigSpec(settings), transcriptGiven: Boolean(args.transcript) }, effects);
      const agentChannel = settings.agentChannel.value;
      const requests = recordings.map((source) => ({ source, agentChannel, known: {}, transcriptPath: args.transcript ?? null }));
      const store = await openStore(dbPath);
      const results: CallResult[] = [];
      try {
        const summary = await runBatch(requests, config, storeWriter(store), effects, (result) => {
          if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else results.push(result);
        });
        if (!args.json) process.stdout.write(formatSummaryTable(results));
        effects.log(
          `${summary.ok} of ${summary.total} analysed into ${dbPath} (${summary.audioS.toFixed(0)} s of audio` +
            `${summary.conversations > 0 ? ` and ${summary.conversations} chat or e-mail conversation${summary.conversations === 1 ? '' : 's'}` : ''} in ${summary.elapsedS.toFixed(1)} s)` +
            (summary.failed ? `; ${summary.failed} failed` : ''),
        );
        if (summary.failed > 0) process.exitCode = partialFailureExitCode;
      } finally {
        store.close();
        await closeRecognizers();
      }
    }),
});
