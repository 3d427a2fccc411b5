/** The registry of rule kinds: a pack's `kind` field names one of these. */
import { agentEventsKind } from './agent-events.ts';
import type { RuleKind } from './define-kind.ts';
import { eventAttributesKind } from './event-attributes.ts';
import { negativityUnderPressureKind } from './negativity-under-pressure.ts';
import { phraseAbsentKind } from './phrase-absent.ts';
import { phraseIfTriggeredKind } from './phrase-if-triggered.ts';
import { phrasesInTurnsKind } from './phrases-in-turns.ts';
import { politeRequestsKind, repeatRequestsKind } from './requests.ts';
import { replyWaitKind } from './reply-wait.ts';
import { shortAnswersKind } from './short-answers.ts';
import { statementRatioKind } from './statement-ratio.ts';

export type { RuleKind } from './define-kind.ts';
export type { RuleContext, RuleOutcome } from './rule-context.ts';

export const ruleKinds: ReadonlyMap<string, RuleKind> = new Map([
  phrasesInTurnsKind, politeRequestsKind, repeatRequestsKind, agentEventsKind, eventAttributesKind,
  shortAnswersKind, statementRatioKind, phraseAbsentKind, phraseIfTriggeredKind, negativityUnderPressureKind,
  replyWaitKind,
].map((kind) => [kind.name, kind]));
