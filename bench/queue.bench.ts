/**
 * Scale-out throughput on this machine, through `callqa analyze` in one process, then through
 * the BullMQ queue with 1 and with 2 `callqa worker` processes (one job at a time each) and a
 * `callqa ingest` writer, on a redis-server of its own; each figure runs from the first job
 * queued to the last call stored. Two conditions: speech-to-text off (the bundled samples, their
 * transcripts beside them), and on, with the generated random-weight Whisper installed as the
 * model (a few samples copied without their transcripts; random weights decode to the token
 * budget, so the figure is a floor, not a real model's speed). Then the queue's own cost per
 * job: jobs whose "analysis" hands on a result at once, through both queues and the writer.
 * `npx tsx bench/queue.bench.ts [ROUNDS]` runs it alone (ROUNDS times the samples; default 1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'bullmq';
import { silentEffects } from '../core/effects.ts';
import { CallqaError } from '../core/errors.ts';
import type { CallOutcome } from '../pipeline/analyze.ts';
import { buildErrorResult } from '../pipeline/result/build-result.ts';
import { enqueueRequests, watchJobs } from '../queue/enqueue.ts';
import { analysisQueueName, openRedisQueues, redisConnection, resultJobOptions, type AnalysisJobData } from '../queue/redis-queues.ts';
import { startRedisServer } from '../queue/redis-server.test-helper.ts';
import { startResultWriter } from '../queue/result-writer.ts';

const callqaBin = new URL('../bin/callqa.js', import.meta.url).pathname;
const samplesDir = new URL('../samples/calls/', import.meta.url).pathname;
const whisperFixtureDir = new URL('../models/whisper-fixture/whisper-random-fixture', import.meta.url).pathname;
/** Calls analysed with speech-to-text on: the generated Whisper runs at about real time here. */
const sttCalls = 4;

function startCallqa(args: readonly string[], env: NodeJS.ProcessEnv, readyLine: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [callqaBin, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(readyLine)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`callqa ${args[0]} exited (${code}): ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function report(label: string, calls: number, audioS: number, elapsedS: number): void {
  console.log(`${label.padEnd(34)} ${calls} calls in ${elapsedS.toFixed(1)} s: ${Math.round((calls / elapsedS) * 3600)} calls/hour, ${(audioS / elapsedS).toFixed(0)}x real time`);
}

/** A models folder with the generated Whisper installed as the default model, fp32 (its only weights). */
async function installFixtureWhisper(modelsDir: string): Promise<void> {
  const modelDir = path.join(modelsDir, 'whisper-small');
  await cp(whisperFixtureDir, modelDir, { recursive: true });
  await writeFile(path.join(modelDir, 'callqa-model.lock.json'), JSON.stringify({ id: 'whisper-small', variant: 'fp32', revision: null, files: [] }));
}

/** `callqa analyze`'s own figures (its batch, without loading code and models), as the workers are timed once started. */
async function benchDirect(recordings: readonly string[], dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [callqaBin, 'analyze', ...recordings, '--db', path.join(dir, `direct-${Date.now()}.duckdb`)], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  const summary = /(\d+) of \d+ analysed into .* \((\d+) s of audio in ([\d.]+) s\)/.exec(stderr);
  if (!summary) throw new Error(`callqa analyze printed no summary: ${stderr}`);
  report('analyze (one process, no queue)', Number(summary[1]), Number(summary[2]), Number(summary[3]));
}

async function benchWorkers(workers: number, recordings: readonly string[], dir: string, redisUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  const queueEnv = { ...env, CALLQA_REDIS_URL: redisUrl };
  const children = await Promise.all([
    startCallqa(['ingest', '--db', path.join(dir, `queued-${workers}-${Date.now()}.duckdb`)], queueEnv, 'storing results'),
    ...Array.from({ length: workers }, () => startCallqa(['worker', '--concurrency', '1'], queueEnv, 'worker ready')),
  ]);
  const queues = openRedisQueues(redisUrl);
  try {
    const startedMs = Date.now();
    const jobIds = await enqueueRequests(queues, recordings.map((source) => ({ source, agentChannel: 0, known: {}, transcriptPath: null })));
    const { audioS } = await watchJobs(queues, jobIds, silentEffects, 100);
    report(`queue, ${workers} worker${workers > 1 ? 's' : ''} + writer`, recordings.length, audioS, (Date.now() - startedMs) / 1000);
  } finally {
    await queues.close();
    await Promise.all(children.map(stop));
  }
}

/** Jobs through both queues and the writer, the analysis replaced by handing on a ready outcome. */
async function benchOverhead(redisUrl: string, jobs: number): Promise<void> {
  const queues = openRedisQueues(redisUrl);
  const outcome: CallOutcome = { status: 'error', result: buildErrorResult('x.wav', null, new CallqaError('CQA_ERR_INPUT_EMPTY', 'x.wav: empty')) };
  const worker = new Worker<AnalysisJobData>(analysisQueueName, async (job) => {
    await queues.results.add('result', { run: { runId: String(job.id), source: 'x.wav', callqaVersion: 'bench', options: {} }, outcome }, { ...resultJobOptions, jobId: String(job.id) });
    return { runId: String(job.id), status: 'error', callId: null, durationS: 0, error: null };
  }, { connection: redisConnection(redisUrl), concurrency: 1 });
  const writer = startResultWriter({ redisUrl, effects: silentEffects, record: async (calls) => calls.map(() => null) });
  try {
    const startedMs = Date.now();
    const jobIds = await enqueueRequests(queues, Array.from({ length: jobs }, () => ({ source: 'x.wav', agentChannel: 0 as const, known: {}, transcriptPath: null })));
    await watchJobs(queues, jobIds, silentEffects, 20);
    const elapsedMs = Date.now() - startedMs;
    console.log(`queue overhead: ${jobs} jobs through both queues and the writer in ${(elapsedMs / 1000).toFixed(1)} s, ${(elapsedMs / jobs).toFixed(1)} ms per job (one worker, one job at a time)`);
  } finally {
    await worker.close();
    await writer.close();
    await queues.close();
  }
}

async function benchCondition(label: string, recordings: readonly string[], dir: string, redisUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  console.log(`${label}; ${os.availableParallelism()} cores, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  await benchDirect(recordings, dir, env);
  for (const workers of [1, 2]) await benchWorkers(workers, recordings, dir, redisUrl, env);
}

export async function benchQueue(rounds = 1): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'callqa-queue-bench-'));
  const redis = await startRedisServer(dir);
  try {
    const sampleNames = (await readdir(samplesDir)).filter((name) => name.endsWith('.wav')).sort();
    const recordings = Array.from({ length: rounds }, () => sampleNames.map((name) => path.join(samplesDir, name))).flat();
    await benchCondition('speech-to-text off', recordings, dir, redis.url, { CALLQA_MODELS_DIR: path.join(dir, 'no-models') });

    const modelsDir = path.join(dir, 'models');
    await installFixtureWhisper(modelsDir);
    const bareDir = path.join(dir, 'without-transcripts');
    await mkdir(bareDir);
    const bare = await Promise.all(sampleNames.filter((_, index) => index % Math.floor(sampleNames.length / sttCalls) === 0).slice(0, sttCalls)
      .map(async (name) => {
        await copyFile(path.join(samplesDir, name), path.join(bareDir, name));
        return path.join(bareDir, name);
      }));
    await benchCondition('speech-to-text on (generated Whisper)', bare, dir, redis.url, { CALLQA_MODELS_DIR: modelsDir });
    await benchOverhead(redis.url, 200);
  } finally {
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchQueue(Number(process.argv[2] ?? 1));
