/** Example library: a span of a call tagged as a good or bad example of a guidance point. */
import { Type, type Static } from '@sinclair/typebox';
import { Party } from '../../pipeline/result/call-result.ts';
import { CallId, Comment, Timestamp, UserName, Uuid } from './common.ts';

/** The team's guidance points, G1–G14, referenced by every example. */
export const guidanceRefs = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9', 'G10', 'G11', 'G12', 'G13', 'G14'] as const;
export const GuidanceRef = Type.Union(guidanceRefs.map((ref) => Type.Literal(ref)));
export const ExampleLabel = Type.Union([Type.Literal('good'), Type.Literal('bad')]);
const Seconds = Type.Number({ minimum: 0, description: 'Seconds from the start of the recording.' });

export const ExampleRequest = Type.Object(
  { start_s: Seconds, end_s: Seconds, label: ExampleLabel, guidance_ref: GuidanceRef, note: Comment },
  { additionalProperties: false },
);
export type ExampleRequest = Static<typeof ExampleRequest>;

export const TranscriptLine = Type.Object({ party: Party, start: Type.Number(), end: Type.Number(), text: Type.String() });
export type TranscriptLine = Static<typeof TranscriptLine>;

export const Example = Type.Object({
  example_id: Uuid,
  call_id: CallId,
  start_s: Type.Number(),
  end_s: Type.Number(),
  label: ExampleLabel,
  guidance_ref: GuidanceRef,
  note: Type.String(),
  created_by: UserName,
  created_at: Timestamp,
  transcript: Type.Array(TranscriptLine, { description: 'Utterances overlapping the span.' }),
});
export type Example = Static<typeof Example>;
