/**
 * Every failure leaves as `{ statusCode, code, error, message }` with a code from the one
 * catalogue (core/errors.ts). Fastify's own errors (validation, body size, content type)
 * are mapped to API codes; anything unexpected becomes CQA_ERR_INTERNAL, and no 5xx answer
 * carries a stack, a path or a database message: those go to the server log only.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorCatalogue, isCallqaError, type ErrorCode } from '../../../core/errors.ts';
import { sharedPlugin } from '../shared-plugin.ts';

export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
}

const fastifyCodeMap: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'CQA_ERR_API_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'CQA_ERR_API_UNSUPPORTED_MEDIA_TYPE',
};

function isFastifyError(value: unknown): value is FastifyError {
  return value instanceof Error && typeof (value as Partial<FastifyError>).code === 'string';
}

function classify(thrown: unknown): { code: ErrorCode; message: string } {
  if (isCallqaError(thrown)) return { code: thrown.code, message: thrown.message };
  if (isFastifyError(thrown)) {
    if (thrown.validation) return { code: 'CQA_ERR_API_BAD_REQUEST', message: `invalid request: ${thrown.message}` };
    const mapped = fastifyCodeMap[thrown.code];
    if (mapped) return { code: mapped, message: thrown.message };
    if (thrown.statusCode && thrown.statusCode < 500) return { code: 'CQA_ERR_API_BAD_REQUEST', message: thrown.message };
  }
  return { code: 'CQA_ERR_INTERNAL', message: 'unexpected failure' };
}

/** The body for a failure; 5xx messages are replaced by the catalogue summary and request id. */
export function toApiErrorBody(thrown: unknown, requestId: string): ApiErrorBody {
  const { code, message } = classify(thrown);
  const { statusCode, summary } = errorCatalogue[code];
  const safeMessage = statusCode >= 500 ? `${summary} (request ${requestId}); the server log has the details` : message;
  return { statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message: safeMessage };
}

function sendError(request: FastifyRequest, reply: FastifyReply, thrown: unknown) {
  const body = toApiErrorBody(thrown, request.id);
  if (body.statusCode >= 500) request.log.error({ err: thrown }, 'request failed');
  return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}

export const errorHandlerPlugin = sharedPlugin('callqa-error-handler', async (app) => {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      statusCode: 404, code: 'CQA_ERR_API_NOT_FOUND', error: 'Not Found',
      message: `no route ${request.method} ${request.url.split('?')[0]}; the routes are listed at /docs`,
    } satisfies ApiErrorBody),
  );
});
