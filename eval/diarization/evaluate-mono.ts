/**
 * `npm run eval -- --corpus mono`: the stereo calls of each set in mono-sets.json summed to one
 * channel by ffmpeg (their truth stays the stereo call's), analysed by the real CLI into a
 * throw-away database, and measured per set and language (mono-figures.ts) against
 * eval/diarization/thresholds.json. The held-out set's robustness conditions are generated when
 * absent. Sets are reported apart: `samples` is what the thresholds were tuned on.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Effects } from '../../core/effects.ts';
import { languages } from '../../pipeline/result/call-result.ts';
import { analyzeSamples } from '../analyze-samples.ts';
import { checkThresholds, loadThresholds } from '../check-thresholds.ts';
import { defaultSamplesDir, findSampleRecordings, loadTruth, type CallTruth, type SampleRecording } from '../load-truth.ts';
import type { EvaluatedCall, Figures } from '../measure.ts';
import { buildReport, type EvalReport, type RecordingOutcome } from '../report.ts';
import { defaultCorpusDir, generateCorpus } from '../robustness/generate-corpus.ts';
import { measureMonoGroup } from './mono-figures.ts';

const run = promisify(execFile);
const diarizationDir = import.meta.dirname;

interface MonoSet {
  name: string;
  role: 'tuned-on' | 'held-out';
  corpus: 'samples' | 'robustness';
  conditions: string[];
}

async function loadMonoSets(): Promise<MonoSet[]> {
  const parsed = JSON.parse(await readFile(path.join(diarizationDir, 'mono-sets.json'), 'utf8')) as { sets: MonoSet[] };
  return parsed.sets;
}

/** The stereo recordings of a set: the sample calls, or the corpus calls of its conditions (generated when absent). */
async function findStereoRecordings(set: MonoSet, effects: Effects): Promise<SampleRecording[]> {
  if (set.corpus === 'samples') return (await findSampleRecordings(defaultSamplesDir)).filter((recording) => recording.label.startsWith('calls/'));
  const missing = set.conditions.filter((condition) => !existsSync(path.join(defaultCorpusDir, condition)));
  if (missing.length > 0) {
    effects.log(`robustness corpus: generating ${missing.join(', ')} into ${defaultCorpusDir}`);
    await generateCorpus({ outDir: defaultCorpusDir, onlyConditions: missing, effects });
  }
  const perCondition = await Promise.all(set.conditions.map(async (condition) => {
    const folder = path.join(defaultCorpusDir, condition);
    return (await readdir(folder)).filter((name) => name.endsWith('.wav')).sort().map((name) => ({
      label: `${condition}/${name}`,
      audioPath: path.join(folder, name),
      truthPath: path.join(folder, `${path.basename(name, '.wav')}.truth.json`),
    }));
  }));
  return perCondition.flat();
}

/** Sums a recording's channels into one 16-bit PCM WAV at its own rate. */
async function downmix(recording: SampleRecording, outDir: string, setName: string): Promise<SampleRecording> {
  const audioPath = path.join(outDir, `${setName}--${recording.label.replaceAll('/', '--').replace(/\.[^.]+$/, '')}.wav`);
  await run('ffmpeg', ['-v', 'error', '-y', '-i', recording.audioPath, '-ac', '1', '-c:a', 'pcm_s16le', audioPath]);
  return { label: `${setName}/${recording.label}`, audioPath, truthPath: recording.truthPath };
}

/** Figures per set and language, per condition when the set has several, then per set overall: `held-out:en`, …, `held-out:mulaw`, `held-out:all`. */
function groupFigures(set: MonoSet, calls: readonly (EvaluatedCall & { condition: string })[]): Record<string, Figures> {
  const groups: Record<string, Figures> = {};
  const add = (name: string, members: readonly EvaluatedCall[]) => {
    if (members.length > 0) groups[`${set.name}:${name}`] = measureMonoGroup(members);
  };
  for (const language of languages) add(language, calls.filter((call) => call.truth.language === language));
  if (set.conditions.length > 1) for (const condition of set.conditions) add(condition, calls.filter((call) => call.condition === condition));
  add('all', calls);
  return groups;
}

export async function evaluateMono(effects: Effects): Promise<EvalReport> {
  const thresholds = await loadThresholds(path.join(diarizationDir, 'thresholds.json'));
  const workDir = await mkdtemp(path.join(tmpdir(), 'callqa-mono-'));
  try {
    const outcomes: RecordingOutcome[] = [];
    let groups: Record<string, Figures> = {};
    for (const set of await loadMonoSets()) {
      const stereo = await findStereoRecordings(set, effects);
      const truths: CallTruth[] = await Promise.all(stereo.map((recording) => loadTruth(recording.truthPath)));
      const mono = await Promise.all(stereo.map((recording) => downmix(recording, workDir, set.name)));
      effects.log(`mono eval: ${set.name} (${set.role}), ${mono.length} downmixed calls`);
      const calls: Array<EvaluatedCall & { condition: string }> = [];
      (await analyzeSamples(mono)).forEach((analysis, index) => {
        const truth = truths[index]!;
        // A corpus recording's label starts with its condition (`mulaw/en-21-lost-card.wav`).
        if (analysis.status === 'ok') calls.push({ truth, result: analysis.result, condition: stereo[index]!.label.split('/')[0]! });
        outcomes.push({ label: analysis.recording.label, language: truth.language, status: analysis.status, ...(analysis.status === 'error' && { error: analysis.error }) });
      });
      groups = { ...groups, ...groupFigures(set, calls) };
    }
    return buildReport(outcomes, groups, checkThresholds(groups, thresholds));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
