/**
 * The agreement report of a calibration session, from its answers alone: every submitted
 * evaluator answered every call × rule item, so the items line up across evaluators. The
 * consensus of an item is the evaluators' majority verdict (none on a tie); the machine's
 * verdict is the one it had when the answers were submitted.
 */
import type { AgreementReport } from '../schemas/calibration.ts';
import { cohensKappa, consensusOf, fleissKappa } from './agreement.ts';

export interface SubmittedAnswer {
  evaluator: string;
  call_id: string;
  rule_id: string;
  status: string;
  machine_status: string | null;
}

export interface CalibrationFacts {
  sessionId: string;
  callIds: readonly string[];
  ruleIds: readonly string[];
  evaluators: readonly string[];
  /** Call language by call id. */
  languages: ReadonlyMap<string, string | null>;
  answers: readonly SubmittedAnswer[];
}

interface Item {
  callId: string;
  ruleId: string;
  /** Verdicts of the submitted evaluators, in their order. */
  ratings: string[];
  machine: string | null;
  consensus: string | null;
}

const machineName = 'machine';

function itemsOf(facts: CalibrationFacts, submitted: readonly string[]): Item[] {
  const byKey = new Map<string, SubmittedAnswer>();
  for (const answer of facts.answers) byKey.set(JSON.stringify([answer.evaluator, answer.call_id, answer.rule_id]), answer);
  return facts.callIds.flatMap((callId) => facts.ruleIds.map((ruleId) => {
    const answers = submitted.map((evaluator) => byKey.get(JSON.stringify([evaluator, callId, ruleId]))!);
    const ratings = answers.map((answer) => answer.status);
    return { callId, ruleId, ratings, machine: answers.find((answer) => answer.machine_status !== null)?.machine_status ?? null, consensus: consensusOf(ratings) };
  }));
}

/** The share of items on which every evaluator gave the same verdict. */
function unanimousShare(items: readonly Item[]): number | null {
  if (items.length === 0 || (items[0]?.ratings.length ?? 0) < 2) return null;
  return items.filter((item) => new Set(item.ratings).size === 1).length / items.length;
}

/** Per evaluator, per pair, per rule and per language agreement; rules with most disagreement first. */
export function buildAgreementReport(facts: CalibrationFacts): AgreementReport {
  const submitted = facts.evaluators.filter((evaluator) => facts.answers.some((answer) => answer.evaluator === evaluator));
  const items = itemsOf(facts, submitted);
  const column = (index: number, subset: readonly Item[] = items) => subset.map((item) => item.ratings[index] ?? null);
  const machine = (subset: readonly Item[] = items) => subset.map((item) => item.machine);
  const consensus = (subset: readonly Item[] = items) => subset.map((item) => item.consensus);
  const raters = [...submitted.map((name, index) => ({ name, ratings: column(index) })), { name: machineName, ratings: machine() }];
  const fleiss = (subset: readonly Item[]) => (submitted.length >= 2 ? fleissKappa(subset.map((item) => item.ratings)) : null);
  const rules = facts.ruleIds.map((ruleId) => {
    const subset = items.filter((item) => item.ruleId === ruleId);
    return {
      rule_id: ruleId, items: subset.length, percent_agreement: unanimousShare(subset), fleiss_kappa: fleiss(subset),
      disagreements: subset.filter((item) => new Set(item.ratings).size > 1).length,
      machine_with_consensus: cohensKappa(machine(subset), consensus(subset)),
    };
  }).sort((a, b) => b.disagreements - a.disagreements || (a.percent_agreement ?? 1) - (b.percent_agreement ?? 1) || a.rule_id.localeCompare(b.rule_id));
  const languages = [...new Set(facts.callIds.map((callId) => facts.languages.get(callId) ?? null))].map((language) => {
    const subset = items.filter((item) => (facts.languages.get(item.callId) ?? null) === language);
    return { language: language as AgreementReport['languages'][number]['language'], machine_with_consensus: cohensKappa(machine(subset), consensus(subset)) };
  });
  return {
    session_id: facts.sessionId,
    evaluators_submitted: submitted,
    evaluators_pending: facts.evaluators.filter((evaluator) => !submitted.includes(evaluator)),
    items: items.length,
    percent_agreement: unanimousShare(items),
    fleiss_kappa: fleiss(items),
    machine_with_consensus: cohensKappa(machine(), consensus()),
    evaluators: submitted.map((evaluator, index) => ({
      evaluator, with_consensus: cohensKappa(column(index), consensus()), with_machine: cohensKappa(column(index), machine()),
    })),
    pairs: raters.flatMap((a, index) => raters.slice(index + 1).map((b) => ({ a: a.name, b: b.name, agreement: cohensKappa(a.ratings, b.ratings) }))),
    rules,
    languages,
  };
}

type CallLanguage = AgreementReport['languages'][number]['language'];

export interface DatedAnswer extends SubmittedAnswer {
  session_id: string;
  language: CallLanguage;
  /** The month the answer was submitted, YYYY-MM (UTC). */
  month: string;
}

/**
 * The machine against the evaluators' consensus per month, rule and language, over every
 * session's answers: how the machine's accuracy on the site's own calls moves as packs change.
 */
export function buildMachineTrend(answers: readonly DatedAnswer[]): MachineTrendRow[] {
  const items = new Map<string, DatedAnswer[]>();
  for (const answer of answers) {
    const key = JSON.stringify([answer.session_id, answer.call_id, answer.rule_id]);
    items.set(key, [...(items.get(key) ?? []), answer]);
  }
  const groups = new Map<string, { row: Omit<MachineTrendRow, 'agreement'>; machine: (string | null)[]; consensus: (string | null)[] }>();
  for (const ratings of items.values()) {
    const first = ratings[0]!;
    const month = ratings.map((answer) => answer.month).sort().at(-1)!;
    const key = JSON.stringify([month, first.rule_id, first.language]);
    const group = groups.get(key) ?? { row: { month, rule_id: first.rule_id, language: first.language }, machine: [], consensus: [] };
    group.machine.push(ratings.find((answer) => answer.machine_status !== null)?.machine_status ?? null);
    group.consensus.push(consensusOf(ratings.map((answer) => answer.status)));
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ row, machine, consensus }) => ({ ...row, agreement: cohensKappa(machine, consensus) }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.rule_id.localeCompare(b.rule_id) || (a.language ?? '').localeCompare(b.language ?? ''));
}

export interface MachineTrendRow {
  month: string;
  rule_id: string;
  language: CallLanguage;
  agreement: ReturnType<typeof cohensKappa>;
}
