import { Type, type Static } from '@sinclair/typebox';
import { Language } from '../../../pipeline/result/call-result.ts';
import { CallId, withErrors } from '../../schemas/common.ts';

const Party = Type.Union([Type.Literal('agent'), Type.Literal('customer')]);

const UtteranceHit = Type.Object({
  call_id: CallId,
  file_name: Type.String(),
  call_date: Type.String({ description: 'When the call took place (its metadata, wall-clock), else when it was first analysed (UTC, with Z).' }),
  utterance_idx: Type.Integer({ minimum: 0 }),
  party: Type.String(),
  start_s: Type.Number(),
  end_s: Type.Number(),
  text: Type.String(),
  matches: Type.Array(Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) }), {
    description: 'The matched words: UTF-16 offsets into text, end exclusive, in order.',
  }),
  link: Type.String({ description: "The web app's call page opened at the utterance: #/calls/<id>?t=<start_s>." }),
});

export const SearchPage = Type.Object({ items: Type.Array(UtteranceHit), next_cursor: Type.Union([Type.String(), Type.Null()]) });
export type SearchPage = Static<typeof SearchPage>;

export const searchSchema = {
  summary: 'Utterances matching a transcript search, best first, one page at a time',
  description: 'Words match any inflection (stemmed per language); "a phrase" matches consecutive words; word NEAR/n word matches both '
    + 'within n words; party:agent or party:customer filters. Every part must match in the same utterance. Ranked by matches in the '
    + 'utterance, then by when the call took place, newest first.',
  tags: ['search'],
  querystring: Type.Object({
    q: Type.String({ minLength: 1, maxLength: 200, description: 'The query (syntax above).' }),
    party: Type.Optional(Party),
    language: Type.Optional(Language),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,400}$', description: 'next_cursor of the previous page.' })),
  }),
  response: withErrors({ 200: SearchPage }),
};
