/**
 * `npm run eval [-- --json] [--only en-01,ru-06]`: analyses the sample recordings with the
 * real CLI, compares every stage's output with the samples' ground truth, per language and
 * overall, adds the held-out phrase-bank, ASR-noise and PII-set figures of those languages
 * (phrase-bank.ts, asr-noise.ts, pii-set.ts), and checks the figures against eval/thresholds.json.
 * `npm run eval -- --corpus robustness [--only clean,gsm]`: the same per condition of the
 * robustness corpus (eval/robustness/), against eval/robustness/thresholds.json.
 * `npm run eval -- --corpus mono`: diarization of mono downmixes, the tuned-on samples and a
 * held-out robustness set apart (eval/diarization/), against eval/diarization/thresholds.json.
 *
 * Exit status: 0 every available figure meets its threshold and every recording analysed;
 * 1 a figure is below its threshold or a recording failed to analyse; 2 the eval could not
 * run (bad option, missing truth, the CLI failed as a whole). Figures of stages not built
 * yet are "not available": listed, never failed.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { languages } from '../pipeline/result/call-result.ts';
import { loadRulePack } from '../pipeline/rules/index.ts';
import { loadSampleTruths } from '../pipeline/rules/sample-agreement.ts';
import { loadConfusions, measureBankNoise, measureSampleNoise } from './asr-noise.ts';
import { createStderrEffects } from '../core/effects.ts';
import { evaluateMono } from './diarization/evaluate-mono.ts';
import { evaluateRobustness } from './robustness/evaluate.ts';
import { formatRobustnessReport } from './robustness/report.ts';
import { analyzeSamples } from './analyze-samples.ts';
import { checkThresholds, loadThresholds } from './check-thresholds.ts';
import { findSampleConversations, loadConversationTruth, measureConversations, type EvaluatedConversation } from './conversations.ts';
import { defaultSamplesDir, findSampleRecordings, loadTruth } from './load-truth.ts';
import type { EvaluatedCall, Figures } from './measure.ts';
import { measureGroups } from './metrics.ts';
import { loadPhraseBank, measurePhraseBank } from './phrase-bank.ts';
import { measurePiiSets } from './pii-set.ts';
import { buildReport, formatReport, type EvalReport, type RecordingOutcome } from './report.ts';

const usage = 'usage: npm run eval [-- --json] [--only <name prefix>,…] [--corpus samples|robustness|mono]';
const corpora = ['samples', 'robustness', 'mono'] as const;
type Corpus = (typeof corpora)[number];
const isCorpus = (value: string): value is Corpus => (corpora as readonly string[]).includes(value);

function parseOptions(): { json: boolean; onlyPrefixes: string[]; corpus: Corpus } {
  try {
    const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, only: { type: 'string' }, corpus: { type: 'string', default: 'samples' } } });
    const onlyPrefixes = (values.only ?? '').split(',').map((prefix) => prefix.trim()).filter((prefix) => prefix !== '');
    if (!isCorpus(values.corpus)) throw new Error(`unknown corpus "${values.corpus}"`);
    return { json: values.json, onlyPrefixes, corpus: values.corpus };
  } catch (thrown) {
    throw new Error(`${thrown instanceof Error ? thrown.message : String(thrown)}\n${usage}`);
  }
}

/** Adds the held-out phrase-bank, ASR-noise and PII-set figures to the groups of the languages analysed. */
async function withPhraseBank(groups: Record<string, Figures>): Promise<Record<string, Figures>> {
  const analysed = languages.filter((language) => language in groups);
  const packs = new Map(await Promise.all(analysed.map(async (language) => [language, await loadRulePack(language)] as const)));
  const confusions = new Map(await Promise.all(analysed.map(async (language) => [language, await loadConfusions(language)] as const)));
  const bank = await loadPhraseBank();
  const truths = (await loadSampleTruths(path.join(defaultSamplesDir, 'calls'))).filter((truth) => analysed.includes(truth.language));
  const added = [
    measurePhraseBank(bank, packs), measureBankNoise(bank, { packs, confusions }), measureSampleNoise(truths, { packs, confusions }), await measurePiiSets(analysed),
  ];
  return Object.fromEntries(Object.entries(groups).map(([group, figures]) => [group, Object.assign({ ...figures }, ...added.map((extra) => extra[group] ?? {}))]));
}

async function evaluateSamples(onlyPrefixes: readonly string[]): Promise<EvalReport> {
  // Thresholds and truth are read first, so a typo fails in a second instead of after the analysis.
  const thresholds = await loadThresholds();
  const recordings = await findSampleRecordings(defaultSamplesDir, onlyPrefixes);
  const conversationFiles = await findSampleConversations(defaultSamplesDir, onlyPrefixes);
  if (recordings.length + conversationFiles.length === 0) throw new Error(`no sample recording or conversation starts with ${onlyPrefixes.join(', ')}\n${usage}`);
  const truths = await Promise.all(recordings.map((recording) => loadTruth(recording.truthPath)));
  const conversationTruths = await Promise.all(conversationFiles.map((file) => loadConversationTruth(file.truthPath)));
  // One CLI run for both: the same command a user runs over a folder of calls and conversations.
  const analyses = await analyzeSamples([...recordings, ...conversationFiles]);

  const calls: EvaluatedCall[] = [];
  const outcomes: RecordingOutcome[] = analyses.slice(0, recordings.length).map((analysis, index) => {
    const truth = truths[index]!;
    const { label } = analysis.recording;
    if (analysis.status === 'error') return { label, language: truth.language, status: 'error', error: analysis.error };
    calls.push({ truth, result: analysis.result });
    return { label, language: truth.language, status: 'ok' };
  });
  const conversations: EvaluatedConversation[] = [];
  const conversationOutcomes: RecordingOutcome[] = analyses.slice(recordings.length).map((analysis, index) => {
    const truth = conversationTruths[index]!;
    const { label } = analysis.recording;
    if (analysis.status === 'error') return { label, language: truth.language, status: 'error', error: analysis.error };
    conversations.push({ truth, result: analysis.result });
    return { label, language: truth.language, status: 'ok' };
  });
  const groups = calls.length > 0 ? await withPhraseBank(measureGroups(calls)) : {};
  const conversationGroups = conversations.length > 0 ? await measureConversations(conversations) : {};
  // Each half checked by its own thresholds, so `--only en-chat` does not read a voice threshold as a typo.
  const isConversationFigure = (threshold: { figure: string }) => threshold.figure.startsWith('conversation.');
  const checks = [
    ...(calls.length > 0 ? checkThresholds(groups, thresholds.filter((threshold) => !isConversationFigure(threshold))) : []),
    ...(conversations.length > 0 ? checkThresholds(conversationGroups, thresholds.filter(isConversationFigure)) : []),
  ];
  return buildReport(outcomes, groups, checks, { recordings: conversationOutcomes, groups: conversationGroups });
}

async function runRobustness(json: boolean, onlyConditions: readonly string[]): Promise<void> {
  const report = await evaluateRobustness({ onlyConditions, effects: createStderrEffects() });
  process.stdout.write(json ? `${JSON.stringify(report)}\n` : formatRobustnessReport(report));
  if (json) process.stderr.write(`${report.verdict.line}\n`);
  process.exitCode = report.verdict.passed ? 0 : 1;
}

async function runSamples(json: boolean, onlyPrefixes: readonly string[]): Promise<void> {
  printReport(json, await evaluateSamples(onlyPrefixes));
}

async function runMono(json: boolean): Promise<void> {
  printReport(json, await evaluateMono(createStderrEffects()));
}

function printReport(json: boolean, report: EvalReport): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    // stdout carries only the report object; the verdict still reaches a person watching.
    process.stderr.write(`${report.verdict.line}\n`);
  } else {
    process.stdout.write(formatReport(report));
  }
  process.exitCode = report.verdict.passed ? 0 : 1;
}

try {
  const options = parseOptions();
  const runners = { samples: runSamples, robustness: runRobustness, mono: runMono } satisfies Record<Corpus, (json: boolean, only: readonly string[]) => Promise<void>>;
  await runners[options.corpus](options.json, options.onlyPrefixes);
} catch (thrown) {
  process.stderr.write(`eval: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`);
  process.exitCode = 2;
}
