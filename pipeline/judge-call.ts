/**
 * The rules and score stages wired for one call, for a first analysis (`analyze.ts`) and for a
 * rescore of a stored result (`rescore.ts`): the same function, so a rescore with the packs a
 * call was analysed with reproduces its result exactly.
 */
import type { Effects } from '../core/effects.ts';
import type { CallJudgement } from './result/build-result.ts';
import type { CallEvent, ContactChannel, EventType, Language, Utterance } from './result/call-result.ts';
import { defaultPacksDir, evaluateRules, loadRulePack, type RulePack } from './rules/index.ts';
import { defaultScorecardFile, loadScorecard, scoreCall, type Scorecard } from './score/index.ts';

/** What the rules stage reads: the transcript with its sentiment and what the audio stage found. */
export interface JudgeInput {
  language: Language | null;
  channel: ContactChannel;
  utterances: readonly Utterance[];
  /** The audio stage's events, before the rules stage reviewed holds and transfers or added those of the transcript. */
  audioEvents: readonly CallEvent[];
  audioEventTypesChecked: readonly EventType[];
  /** Registry id of the model that scored the utterances' sentiment, when one did. */
  sentimentModelId: string | null;
}

/** The packs and scorecard a call is judged with, loaded once per batch. */
export interface JudgeConfig {
  readonly rulePacks: ReadonlyMap<Language, RulePack>;
  readonly scorecard: Scorecard;
  /** false: no model reading of the agent's sentiment is judged (EU AI Act Art. 5(1)(f)). */
  readonly agentSentiment: boolean;
}

export interface JudgeConfigSpec {
  languages: readonly Language[];
  /** null: the shipped packs. */
  rulePacksDir: string | null;
  /** null: the shipped scorecard. */
  scorecardPath: string | null;
  /** Default true. */
  agentSentiment?: boolean;
}

/** Loads the pack of each language and the scorecard; throws CQA_ERR_CONFIG_INVALID naming a file that is missing or invalid. */
export async function loadJudgeConfig(spec: JudgeConfigSpec): Promise<JudgeConfig> {
  const packsDir = spec.rulePacksDir ?? defaultPacksDir;
  const packs = await Promise.all(spec.languages.map(async (language) => [language, await loadRulePack(language, packsDir)] as const));
  return { rulePacks: new Map(packs), scorecard: await loadScorecard(spec.scorecardPath ?? defaultScorecardFile), agentSentiment: spec.agentSentiment ?? true };
}

/** Runs the rules and score stages; null when there is nothing to judge (no language, no pack for it, no utterances). */
export function judgeCall(input: JudgeInput, config: JudgeConfig, effects: Effects): CallJudgement | null {
  const { language, utterances } = input;
  const pack = language && config.rulePacks.get(language);
  if (!language || !pack || utterances.length === 0) return null;
  const judged = evaluateRules(
    {
      language, channel: input.channel, utterances, events: input.audioEvents, eventTypesChecked: input.audioEventTypesChecked,
      sentimentModelId: input.sentimentModelId, agentSentiment: config.agentSentiment,
    },
    pack,
    effects,
  );
  return {
    ...judged,
    score: scoreCall(judged.rules, config.scorecard).score,
    versions: { rule_pack: { language, ...pack.version }, scorecard: { ...config.scorecard.version } },
  };
}
