/**
 * A mono call through the whole analysis (analyzeCall): the built-in diarization, the agent
 * found from who speaks first, the hold and the greeting of an imported transcript without
 * speaker tags, and that transcript's cues given to parties so the rules can judge them.
 */
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings, toAnalyzeConfigSpec } from '../config/index.ts';
import { silentEffects } from '../core/effects.ts';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { resolveAnalyzeConfig } from './analyze-config.ts';
import { analyzeCall } from './analyze.ts';
import { writeMonoCall, type MonoLine } from './diarize/mono-call.test-helper.ts';
import type { OkCallResult } from './result/build-result.ts';

let temp: TempFolder;
let lines: MonoLine[];
let result: OkCallResult;

const vttTime = (seconds: number) => `00:${String(Math.floor(seconds / 60)).padStart(2, '0')}:${(seconds % 60).toFixed(3).padStart(6, '0')}`;

beforeAll(async () => {
  temp = await createTempFolder();
  ({ lines } = await writeMonoCall(temp.folder, temp.file('mono.wav')));
  // Speaker-less cues, as many recorders export them.
  await writeFile(temp.file('mono.vtt'), `WEBVTT\n\n${lines.map((line) => `${vttTime(line.startS)} --> ${vttTime(line.endS)}\n${line.text}\n`).join('\n')}`);
  const config = await resolveAnalyzeConfig(toAnalyzeConfigSpec(resolveSettings({ flags: { modelsDir: temp.file('no-models') } })), silentEffects);
  const outcome = await analyzeCall({ source: temp.file('mono.wav'), agentChannel: 0, known: {}, transcriptPath: temp.file('mono.vtt') }, config, silentEffects);
  if (outcome.status !== 'ok') throw new Error(JSON.stringify(outcome.result.error));
  result = outcome.result;
}, 120_000);

afterAll(() => temp.remove());

describe('a mono call, analysed', () => {
  it('is diarized by the built-in method, the first speaker, the hold and the greeting naming the agent', () => {
    expect(result.diarization).toMatchObject({ source: 'builtin', channel: 0, overlaps_visible: false, agent: { speaker: 'A' } });
    expect(result.diarization!.agent.evidence.map((item) => item.kind).sort()).toEqual(['first-speaker', 'greeting', 'hold']);
    expect(result.diarization!.agent.confidence).toBeGreaterThan(0.95);
    expect(result.diarization!.speakers.map(({ id, party }) => ({ id, party }))).toEqual([{ id: 'A', party: 'agent' }, { id: 'B', party: 'customer' }]);
  });

  it('reports talk per party near the truth, and checks holds and dead air but not overlaps it cannot see', () => {
    for (const party of ['agent', 'customer'] as const) {
      const truthS = lines.filter((line) => line.party === party).reduce((sum, line) => sum + line.endS - line.startS, 0);
      expect(Math.abs(result.parties![party].talk_s - truthS) / truthS, party).toBeLessThan(0.1);
    }
    expect(result.event_types_checked).not.toContain('interruption');
    expect(result.event_types_checked).not.toContain('backchannel');
    expect(result.overlap_s).toBeNull();
    expect(result.events.some((event) => event.type === 'hold')).toBe(true);
    expect(new Set(result.speech_segments!.map((segment) => segment.party))).toEqual(new Set(['agent', 'customer']));
  });

  it('gives every transcript cue to the party that spoke it, so the rules judge the agent', () => {
    expect(result.utterances.map((utterance) => utterance.party)).toEqual(lines.map((line) => line.party));
    expect(result.rules.find((rule) => rule.id === 'greeting')?.status).toBe('pass');
  });
});
