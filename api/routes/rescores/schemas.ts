/**
 * `POST /rescores` and `GET /rescores/:runId`: a rescore of stored calls with the rule packs and
 * scorecard the server loaded, and its report, as `callqa rescore --json` prints it.
 */
import { Type } from '@sinclair/typebox';
import { languages, ruleStatuses } from '../../../pipeline/result/call-result.ts';
import { AgentId, Nullable, Uuid, withErrors } from '../../schemas/common.ts';

const Version = Type.Object({ hash: Type.String({ pattern: '^[0-9a-f]{16}$' }), label: Nullable(Type.String()) });
const Status = Nullable(Type.Union(ruleStatuses.map((status) => Type.Literal(status)), { description: 'null when the rule was not in the result.' }));
const Score = Nullable(Type.Number({ minimum: 0, maximum: 100 }));
const LanguageCode = Type.Union(languages.map((code) => Type.Literal(code)));

const RescoreFilters = Type.Object({
  since: Nullable(Type.String({ description: 'Calls that took place (else were first analysed) at or after this ISO date or date-time.' })),
  agent: Nullable(AgentId),
  language: Nullable(LanguageCode),
});

export const RescoreReport = Type.Object({
  run_id: Uuid,
  status: Type.Union([Type.Literal('running'), Type.Literal('ok'), Type.Literal('error')]),
  filters: RescoreFilters,
  versions: Type.Object({ rule_packs: Type.Record(Type.String(), Version), scorecard: Version }, { description: 'The rule pack of each language and the scorecard it judged with.' }),
  calls_rescored: Nullable(Type.Integer({ minimum: 0, description: 'Calls the filters selected.' })),
  calls_written: Nullable(Type.Integer({ minimum: 0, description: 'Calls whose stored result changed (verdicts, score, evidence or versions); the old result is kept in the history.' })),
  calls_changed: Nullable(Type.Integer({ minimum: 0, description: 'Calls whose score or a rule verdict changed.' })),
  changes: Type.Array(Type.Object({
    call_id: Type.String(),
    score_before: Score,
    score_after: Score,
    rules: Type.Array(Type.Object({ rule_id: Type.String(), before: Status, after: Status }), { description: 'The verdicts that changed.' }),
  }), { description: 'Calls whose score or a rule verdict changed, by call id. Reviews are untouched and still apply over the new verdicts.' }),
});

export const startRescoreSchema = {
  summary: 'Rescore stored calls with the rule packs and scorecard the server loaded, without their audio',
  description: 'Judges the selected calls again, writes the results that changed (keeping the old ones in the history) and answers the diff. Reviews are never touched.',
  tags: ['rescores'],
  body: Type.Object({
    since: Type.Optional(Type.String({ description: 'Only calls that took place (else were first analysed) at or after this ISO date or date-time.' })),
    agent: Type.Optional(AgentId),
    language: Type.Optional(LanguageCode),
  }, { additionalProperties: false }),
  response: withErrors({ 200: RescoreReport }),
};

export const rescoreSchema = {
  summary: 'The report of a rescore: its filters, versions, counts and diff',
  tags: ['rescores'],
  params: Type.Object({ runId: Uuid }),
  response: withErrors({ 200: RescoreReport }, 404),
};
