import { Type } from '@sinclair/typebox';
import { roles } from '../../roles.ts';
import { accessKinds, accessLogPageSize, accessOutcomes } from '../../services/access-log.ts';
import { CallId, Nullable, Timestamp, UserName, withErrors } from '../../schemas/common.ts';

const AccessEntry = Type.Object({
  entry_id: Type.String(),
  accessed_at: Timestamp,
  user_name: UserName,
  role: Type.Union(roles.map((role) => Type.Literal(role))),
  token_id: Type.String({ pattern: '^[0-9a-f]{16}$', description: "The token's public id; the token itself is never logged." }),
  kind: Type.Union(accessKinds.map((kind) => Type.Literal(kind)), { description: 'listen: the audio (once per listening, not per byte range); clip: an example ZIP; detail: the call with its transcript; export: a call list export.' }),
  outcome: Type.Union(accessOutcomes.map((outcome) => Type.Literal(outcome)), { description: 'refused: answered 403.' }),
  route: Type.String({ description: 'Method and route pattern, e.g. GET /api/v1/calls/:callId/audio.' }),
  call_ids: Type.Array(CallId, { description: "The calls served; every row of an export; empty for a refused clip (its call is not looked up)." }),
  subject: Nullable(Type.String({ description: 'The example id of a clip.' })),
  filters: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: "An export's query filters." })),
  address: Type.String({ description: "The client's address as the server saw it." }),
});

export const listAccessLogSchema = {
  summary: 'Who listened to, downloaded, exported or read which call, newest first (admins only)',
  tags: ['access-log'],
  querystring: Type.Object({
    call: Type.Optional(CallId),
    user: Type.Optional(UserName),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this instant.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this instant.' })),
    limit: Type.Integer({ minimum: 1, maximum: accessLogPageSize.max, default: accessLogPageSize.default }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
  }, { additionalProperties: false }),
  response: withErrors({ 200: Type.Object({ items: Type.Array(AccessEntry), next_offset: Nullable(Type.Integer({ minimum: 0 })) }) }),
};
