/**
 * Expected rule outcomes (guide G1–G13), derived from the script's line tags and turns so a
 * call's truth follows from what its lines are annotated to do. Each entry says when the
 * situation does not occur (n/a) and when the agent fails.
 */
import type { CallScript, HoldTurn, LineTurn, Tag, TransferTurn } from './script-types.ts';

export type RuleOutcome = 'pass' | 'fail' | 'n/a';
export type Quality = 'exemplary' | 'average' | 'poor';

interface CallFacts {
  /** The agent's lines in order, backchannels left out. */
  agentLines: readonly LineTurn[];
  holds: readonly HoldTurn[];
  transfer: TransferTurn | undefined;
  agentSays: (tag: Tag) => boolean;
  anyoneSays: (tag: Tag) => boolean;
  statements: { i: number; you: number };
}

const passUnless = (failed: boolean): RuleOutcome => (failed ? 'fail' : 'pass');
const whenever = (applies: boolean, passed: () => boolean): RuleOutcome => (!applies ? 'n/a' : passUnless(!passed()));

/** Rule id → outcome; the key order is the order of `rules` in truth files. */
const ruleChecks = {
  greeting: (f: CallFacts) => passUnless(!f.agentLines[0]?.tags.includes('greeting')),
  'thanks-opening': (f: CallFacts) => passUnless(!f.agentLines[0]?.tags.includes('thanks')),
  'thanks-closing': (f: CallFacts) => passUnless(!f.agentLines.at(-1)?.tags.includes('thanks')),
  please: (f: CallFacts) => {
    const requests = f.agentLines.filter((line) => line.tags.includes('request') || line.tags.includes('repeat-request'));
    return whenever(requests.length > 0, () => requests.every((line) => line.tags.includes('please')));
  },
  'no-interruptions': (f: CallFacts) => passUnless(f.agentLines.some((line) => line.interruptOverlapS !== null)),
  'hold-consent': (f: CallFacts) => whenever(f.holds.length > 0, () => f.holds.every((hold) => hold.consented)),
  'hold-duration-stated': (f: CallFacts) => whenever(f.holds.length > 0, () => f.holds.every((hold) => hold.durationStated)),
  'hold-thanks': (f: CallFacts) => whenever(f.holds.length > 0, () => f.holds.every((hold) => hold.thankedAfter)),
  'delay-reason': (f: CallFacts) => whenever(f.holds.length > 0 || f.anyoneSays('delay'), () => f.agentSays('delay-reason')),
  'transfer-explained': (f: CallFacts) => whenever(f.transfer !== undefined, () => !!f.transfer?.targetNamed && f.transfer.reasonGiven),
  'one-word-answers': (f: CallFacts) => passUnless(f.agentSays('one-word')),
  'you-not-i': (f: CallFacts) => whenever(f.statements.i + f.statements.you > 0, () => f.statements.i <= f.statements.you),
  'no-disagreement': (f: CallFacts) => passUnless(f.agentSays('disagree')),
  'no-evaluative': (f: CallFacts) => passUnless(f.agentSays('evaluative')),
  'alternative-offered': (f: CallFacts) => whenever(f.agentSays('cannot'), () => f.agentSays('alternative')),
  'no-repeat-requests': (f: CallFacts) => passUnless(f.agentSays('repeat-request')),
  'follow-up': (f: CallFacts) => whenever(f.anyoneSays('pending'), () => f.agentSays('follow-up')),
  'calm-under-pressure': (f: CallFacts) => whenever(f.anyoneSays('angry'), () => !f.agentSays('sharp')),
} satisfies Record<string, (facts: CallFacts) => RuleOutcome>;

export type RuleId = keyof typeof ruleChecks;
export const ruleIds = Object.keys(ruleChecks) as RuleId[];

export interface CallAssessment {
  rules: Record<RuleId, RuleOutcome>;
  statements: { i: number; you: number };
  quality: Quality;
}

/** Expected outcomes, the agent's I/you statement counts, and the quality band they imply. */
export function assessCall(script: CallScript): CallAssessment {
  const lines = script.turns.filter((turn): turn is LineTurn => turn.kind === 'line');
  const agentLines = lines.filter((line) => line.party === 'agent' && line.backchannelAt === null);
  const statements = {
    i: agentLines.reduce((sum, line) => sum + line.iStatements, 0),
    you: agentLines.reduce((sum, line) => sum + line.youStatements, 0),
  };
  const facts: CallFacts = {
    agentLines,
    holds: script.turns.filter((turn): turn is HoldTurn => turn.kind === 'hold'),
    transfer: script.turns.find((turn): turn is TransferTurn => turn.kind === 'transfer'),
    agentSays: (tag) => agentLines.some((line) => line.tags.includes(tag)),
    anyoneSays: (tag) => lines.some((line) => line.tags.includes(tag)),
    statements,
  };
  const rules = Object.fromEntries(ruleIds.map((id) => [id, ruleChecks[id](facts)])) as Record<RuleId, RuleOutcome>;
  const fails = ruleIds.filter((id) => rules[id] === 'fail').length;
  // Bands by failed rules: none is exemplary, up to three is average, four or more is poor.
  const quality: Quality = fails === 0 ? 'exemplary' : fails <= 3 ? 'average' : 'poor';
  return { rules, statements, quality };
}
