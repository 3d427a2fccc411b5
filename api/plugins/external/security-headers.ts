/**
 * Security headers on every answer, in the spirit of @fastify/helmet's defaults but only the
 * few a JSON-and-media API needs. The CSP forbids everything: nothing the API serves is a page
 * that loads scripts, so a response opened in a browser cannot run or frame anything.
 */
import { sharedPlugin } from '../shared-plugin.ts';

export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
});

export const securityHeadersPlugin = sharedPlugin('callqa-security-headers', async (app) => {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(securityHeaders);
    // Call data is personal data: no shared cache may keep it unless a route says otherwise.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
});
