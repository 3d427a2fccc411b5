/**
 * Every failure leaves as `{ statusCode, code, error, message }` with a code from the one
 * catalogue (core/errors.ts). Fastify's own errors (validation, body size, content type)
 * are mapped to API codes; anything unexpected becomes CQA_ERR_INTERNAL, and no 5xx answer
 * carries a stack, a path or a database message: those go to the server log only.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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

/**
 * Node's answer to a request it could not parse (a body cut short by the client, a broken
 * header), in the catalogue's shape rather than Fastify's bare "Client Error"; passed to
 * Fastify as `clientErrorHandler`. No handler runs, so there is no request id to give.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return; // nothing left to answer on
  const body: ApiErrorBody = error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
    ? { statusCode: 408, code: 'CQA_ERR_API_REQUEST_TIMEOUT', error: 'Request Timeout', message: 'the request did not arrive in full in time; send it again' }
    : {
      statusCode: 400, code: 'CQA_ERR_API_BAD_REQUEST', error: 'Bad Request',
      message: `the HTTP request is malformed or ended before it was complete (${error.code ?? 'parse error'}); send the whole request again`,
    };
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${body.statusCode} ${body.error}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n`
      + `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${json}`);
  }
  socket.destroy(error);
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
