/**
 * Schemas shared by every route: the error body, ids (validated by pattern so no request value
 * can name a file), and timestamps. Enumerations come from the call contract, written once.
 */
import type { Readable } from 'node:stream';
import { Type, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ApiError = Type.Object(
  {
    statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
    code: Type.String({ pattern: '^CQA_ERR_[A-Z_]+$', description: 'Stable code from docs/errors.md.' }),
    error: Type.String({ description: 'HTTP reason phrase.' }),
    message: Type.String({ description: 'Names the object, the cause and the next step.' }),
  },
  { description: 'Every failure the API answers; 5xx messages never carry internals.' },
);

const commonErrorStatuses = [400, 401, 403, 429, 500] as const;

/** A route's responses: its successes, the errors any authenticated route can answer, and its own. */
export function withErrors<Success extends Record<number, TSchema>, Extra extends number = never>(success: Success, ...extraStatuses: Extra[]) {
  const errors = Object.fromEntries([...commonErrorStatuses, ...extraStatuses].map((status) => [status, ApiError]));
  return { ...success, ...errors } as Success & { [Status in (typeof commonErrorStatuses)[number] | Extra]: typeof ApiError };
}

/** A binary body (audio, ZIP, CSV, Arrow): documented as such, sent as a stream, buffer or text. */
export const BinaryBody = (description: string) =>
  Type.Unsafe<Readable | Buffer | string>({ type: 'string', format: 'binary', description });

export const CallId = Type.String({ pattern: '^[0-9a-f]{16}$', description: 'First 16 hex digits of the recording\'s sha256.' });
export const Uuid = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' });
export const AgentId = Type.String({ pattern: '^[A-Za-z0-9_.@-]{1,64}$' });
export const RuleId = Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$' });
export const UserName = Type.String({ pattern: '^[A-Za-z0-9_.@-]{1,64}$' });
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601, UTC.' });
export const Comment = Type.String({ minLength: 1, maxLength: 2000 });

export const CallIdParams = Type.Object({ callId: CallId });

