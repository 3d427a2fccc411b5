/** Calibration sessions: calls scored blind by several evaluators, then their agreement. */
import { Type, type Static } from '@sinclair/typebox';
import { Language } from '../../pipeline/result/call-result.ts';
import { CallId, Nullable, RuleId, Timestamp, UserName, Uuid } from './common.ts';
import { DecidedRuleStatus } from './review.ts';

export const CalibrationRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  call_ids: Type.Array(CallId, { minItems: 1, maxItems: 200, uniqueItems: true }),
  rule_ids: Type.Optional(Type.Array(RuleId, { minItems: 1, maxItems: 100, uniqueItems: true, description: 'Default: every rule the calls were judged on.' })),
  evaluators: Type.Array(UserName, { minItems: 2, maxItems: 50, uniqueItems: true, description: 'Users with role qa, supervisor or admin.' }),
}, { additionalProperties: false });
export type CalibrationRequest = Static<typeof CalibrationRequest>;

export const CalibrationSession = Type.Object({
  session_id: Uuid,
  name: Type.String(),
  call_ids: Type.Array(CallId),
  rule_ids: Type.Array(RuleId),
  evaluators: Type.Array(UserName),
  submitted: Type.Array(UserName, { description: 'Evaluators who have submitted their answers.' }),
  created_by: UserName,
  created_at: Timestamp,
});
export type CalibrationSession = Static<typeof CalibrationSession>;

const BlindCall = Type.Object({
  call_id: CallId,
  file_name: Type.String(),
  language: Nullable(Language),
  duration_s: Nullable(Type.Number()),
  utterances: Type.Array(Type.Object({ party: Type.String(), start: Type.Number(), end: Type.Number(), text: Type.String() })),
}, { description: "What an evaluator scores from: the call and its transcript, never the machine's or anyone's verdicts." });

export const CalibrationAnswer = Type.Object({ call_id: CallId, rule_id: RuleId, status: DecidedRuleStatus }, { additionalProperties: false });
export type CalibrationAnswer = Static<typeof CalibrationAnswer>;

export const CalibrationView = Type.Object({
  session: CalibrationSession,
  calls: Type.Array(BlindCall),
  my_answers: Nullable(Type.Array(CalibrationAnswer, { description: "The requester's own answers once submitted; null before." })),
});
export type CalibrationView = Static<typeof CalibrationView>;

export const CalibrationSubmission = Type.Object({
  answers: Type.Array(CalibrationAnswer, { minItems: 1, maxItems: 20_000, description: 'One verdict per call and rule of the session, all at once.' }),
}, { additionalProperties: false });

export const PairAgreement = Type.Object({
  items: Type.Integer({ description: 'Items (call × rule) both sides rated.' }),
  percent: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Share of those items with the same verdict.' })),
  kappa: Nullable(Type.Number({ description: "Cohen's kappa; null where chance agreement is 1 (every verdict the same)." })),
});

export const AgreementReport = Type.Object({
  session_id: Uuid,
  evaluators_submitted: Type.Array(UserName),
  evaluators_pending: Type.Array(UserName),
  items: Type.Integer({ description: 'Call × rule items.' }),
  percent_agreement: Nullable(Type.Number({ description: 'Share of items on which every submitted evaluator gave the same verdict.' })),
  fleiss_kappa: Nullable(Type.Number({ description: "Fleiss' kappa across the submitted evaluators." })),
  machine_with_consensus: PairAgreement,
  evaluators: Type.Array(Type.Object({
    evaluator: UserName,
    with_consensus: PairAgreement,
    with_machine: PairAgreement,
  }), { description: 'Consensus: the majority verdict of the evaluators; items with a tie have none and are left out.' }),
  pairs: Type.Array(Type.Object({ a: Type.String(), b: Type.String(), agreement: PairAgreement }), { description: 'Every pair of evaluators, and each with the machine ("machine").' }),
  rules: Type.Array(Type.Object({
    rule_id: RuleId,
    items: Type.Integer(),
    percent_agreement: Nullable(Type.Number()),
    fleiss_kappa: Nullable(Type.Number()),
    disagreements: Type.Integer({ description: 'Calls on which the evaluators did not all agree.' }),
    machine_with_consensus: PairAgreement,
  }), { description: 'Per rule, most disagreement first.' }),
  languages: Type.Array(Type.Object({ language: Nullable(Language), machine_with_consensus: PairAgreement }), {
    description: "The machine's agreement with the evaluators' consensus per call language: the site's own accuracy figure.",
  }),
});
export type AgreementReport = Static<typeof AgreementReport>;

export const MachineTrend = Type.Array(Type.Object({
  month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'UTC month in which the item was last answered.' }),
  rule_id: RuleId,
  language: Nullable(Language),
  agreement: PairAgreement,
}), { description: 'The machine against the evaluators\' consensus, per month, rule and language, over every session.' });
