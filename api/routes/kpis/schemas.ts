/**
 * `GET /kpis`: the contact-centre KPIs of store/kpi, one row per group, with the names and
 * units of `callqa kpi --json`. The formulas are stated in store/kpi/README.md.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defaultServiceLevelS, kpiGroupings } from '../../../store/kpi/index.ts';
import { Nullable, withErrors } from '../../schemas/common.ts';

const Ratio = (description: string) => Nullable(Type.Number({ minimum: 0, maximum: 1, description: `${description} 0–1; null when nothing to divide by.` }));
const Seconds = (description: string) => Nullable(Type.Number({ minimum: 0, description: `${description} Seconds; null when nothing to average.` }));
const Mean = (description: string) => Nullable(Type.Number({ minimum: 0, description: `${description} Null when nothing to average.` }));

export const KpiRow = Type.Object({
  group_key: Nullable(Type.String({ description: 'Agent id, queue, day (YYYY-MM-DD) or ISO week (YYYY-Www); null for contacts without one.' })),
  contacts: Type.Integer({ minimum: 0, description: 'Every contact in the group.' }),
  offered_calls: Type.Integer({ minimum: 0, description: 'Contacts answered or abandoned in a queue.' }),
  service_level_ratio: Ratio('Offered contacts answered within the service-level target, over offered contacts.'),
  abandonment_ratio: Ratio('Abandoned over offered contacts.'),
  avg_speed_of_answer_s: Seconds('Mean wait of answered contacts.'),
  avg_talk_s: Seconds('Mean talk time of handled contacts.'),
  avg_hold_s: Seconds('Mean hold time of handled contacts with a recording.'),
  avg_acw_s: Seconds('Mean after-call work of handled contacts with a CDR value.'),
  avg_handle_s: Seconds('Mean talk + hold + after-call work of handled contacts.'),
  transfer_ratio: Ratio('Transferred over handled contacts.'),
  first_contact_resolution_ratio: Ratio('Handled contacts whose customer did not call again within 7 days, over those with a customer id.'),
  ivr_containment_ratio: Ratio('Contacts finished in the IVR over contacts that entered it.'),
  interruptions_by_agent_per_call: Mean('Agent interruptions per contact with a recording.'),
  holds_without_consent_ratio: Ratio('Holds without consent over all holds.'),
  dead_air_s_per_call: Seconds('Dead air per contact with a recording.'),
  etiquette_score_avg: Nullable(Type.Number({ minimum: 0, maximum: 100, description: 'Mean machine score (0–100); null when no recording is scored.' })),
});
export type KpiRow = Static<typeof KpiRow>;

export const kpisSchema = {
  summary: 'Contact-centre KPIs per agent, queue, day or ISO week, from CDRs and analysed recordings',
  description: 'The rows of `callqa kpi --json`. Per-contact facts are refreshed first when calls or CDRs changed, so uploads analysed since count.',
  tags: ['kpis'],
  querystring: Type.Object({
    by: Type.Union(kpiGroupings.map((grouping) => Type.Literal(grouping)), { default: 'agent', description: 'How contacts are grouped.' }),
    since: Type.Optional(Type.String({ format: 'date', description: 'Keep contacts offered on or after this day (YYYY-MM-DD, contact-centre time).' })),
    service_level_s: Type.Number({
      exclusiveMinimum: 0, maximum: 86_400, default: defaultServiceLevelS, description: 'Service-level target: answered within this many seconds.',
    }),
  }),
  response: withErrors({ 200: Type.Array(KpiRow) }),
};
