/**
 * `npm run eval -- --corpus robustness`: the robustness corpus (generated on demand when
 * absent) analysed by the real CLI, every figure measured per condition and checked against
 * eval/robustness/thresholds.json, whose entries may name the conditions they apply to.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Effects } from '../../core/effects.ts';
import { analyzeSamples } from '../analyze-samples.ts';
import { checkThresholds, loadThresholds, type ThresholdCheck } from '../check-thresholds.ts';
import { loadTruth, type SampleRecording } from '../load-truth.ts';
import type { EvaluatedCall, Figures } from '../measure.ts';
import { loadConditions } from './conditions.ts';
import { measureCondition } from './figures.ts';
import { defaultCorpusDir, generateCorpus, robustnessDir } from './generate-corpus.ts';

export interface ConditionOutcome {
  condition: string;
  recordings: number;
  /** Labels and errors of recordings the CLI could not analyse. */
  failures: { label: string; error: string }[];
}

export interface RobustnessReport {
  schema: 'callqa.robustness/1';
  conditions: ConditionOutcome[];
  /** Figures per condition, in the order of conditions.json. */
  groups: Record<string, Figures>;
  checks: ThresholdCheck[];
  verdict: { passed: boolean; line: string };
}

const audioExtensions = new Set(['.wav', '.mp3', '.ogg']);

/** Every recording of `condition` in the corpus, with the truth beside it. */
async function findConditionRecordings(corpusDir: string, condition: string): Promise<SampleRecording[]> {
  const folder = path.join(corpusDir, condition);
  const names = existsSync(folder) ? await readdir(folder) : [];
  return names
    .filter((name) => audioExtensions.has(path.extname(name)))
    .sort()
    .map((name) => ({
      label: `${condition}/${name}`,
      audioPath: path.join(folder, name),
      truthPath: path.join(folder, `${path.basename(name, path.extname(name))}.truth.json`),
    }));
}

export interface RobustnessOptions {
  corpusDir?: string;
  /** Condition names to evaluate; empty means all. */
  onlyConditions?: readonly string[];
  effects: Effects;
}

export async function evaluateRobustness(options: RobustnessOptions): Promise<RobustnessReport> {
  const corpusDir = options.corpusDir ?? defaultCorpusDir;
  const thresholds = await loadThresholds(path.join(robustnessDir, 'thresholds.json'));
  const conditions = await loadConditions(undefined, options.onlyConditions);
  const missing = [];
  for (const condition of conditions) if ((await findConditionRecordings(corpusDir, condition.name)).length === 0) missing.push(condition.name);
  if (missing.length > 0) {
    options.effects.log(`robustness corpus: generating ${missing.join(', ')} into ${corpusDir}`);
    await generateCorpus({ outDir: corpusDir, onlyConditions: missing, effects: options.effects });
  }
  const byCondition = await Promise.all(conditions.map((condition) => findConditionRecordings(corpusDir, condition.name)));
  const recordings = byCondition.flat();
  const truths = await Promise.all(recordings.map((recording) => loadTruth(recording.truthPath)));
  const analyses = await analyzeSamples(recordings);

  const groups: Record<string, Figures> = {};
  const outcomes = conditions.map((condition, index): ConditionOutcome => {
    const calls: EvaluatedCall[] = [];
    const failures: ConditionOutcome['failures'] = [];
    for (const analysis of analyses.filter((candidate) => byCondition[index]!.includes(candidate.recording))) {
      const truth = truths[recordings.indexOf(analysis.recording)]!;
      if (analysis.status === 'ok') calls.push({ truth, result: analysis.result });
      else failures.push({ label: analysis.recording.label, error: analysis.error });
    }
    groups[condition.name] = measureCondition(calls);
    return { condition: condition.name, recordings: byCondition[index]!.length, failures };
  });
  const checks = checkThresholds(groups, thresholds);
  const failedChecks = checks.filter((check) => check.status === 'fail').length;
  const failedRecordings = outcomes.reduce((sum, outcome) => sum + outcome.failures.length, 0);
  const passed = failedChecks === 0 && failedRecordings === 0;
  const line = `robustness: ${passed ? 'PASS' : 'FAIL'} — ${failedChecks} of ${checks.filter((check) => check.status !== 'not available').length} available checks below threshold, ` +
    `${failedRecordings} of ${recordings.length} recordings failed to analyse, ${conditions.length} conditions`;
  return { schema: 'callqa.robustness/1', conditions: outcomes, groups, checks, verdict: { passed, line } };
}
