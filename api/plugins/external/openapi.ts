/**
 * Collects every route as it is registered (onRoute) and serves the generated OpenAPI
 * document at /docs/openapi.json and a plain route index at /docs. Registered first so it
 * sees all routes; both pages are public, since they describe the API and hold no call data.
 */
import { Type } from '@sinclair/typebox';
import { callqaVersion } from '../../../core/version.ts';
import { buildOpenApi, type DocumentedRoute } from '../../services/build-openapi.ts';
import { sharedPlugin } from '../shared-plugin.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function renderIndex(routes: readonly DocumentedRoute[]): string {
  const rows = routes
    .filter((route) => route.method !== 'HEAD' && route.url.startsWith('/api/'))
    .map((route) => {
      const roles = route.access === 'public' ? 'public' : (route.access ?? []).join(', ');
      return `<tr><td>${route.method}</td><td><code>${escapeHtml(route.url)}</code></td><td>${escapeHtml(roles)}</td><td>${escapeHtml(route.schema.summary ?? '')}</td></tr>`;
    });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>callqa API</title></head><body>
<h1>callqa QA server</h1><p>Send <code>Authorization: Bearer &lt;token&gt;</code>. Machine-readable: <a href="/docs/openapi.json">openapi.json</a>.</p>
<table><thead><tr><th>method</th><th>path</th><th>roles</th><th>what</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></body></html>`;
}

export const openApiPlugin = sharedPlugin('callqa-openapi', async (app) => {
  const routes: DocumentedRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routes.push({ method, url: route.url, schema: route.schema ?? {}, access: route.config?.access });
    }
  });
  let document: Record<string, unknown> | undefined;
  app.get('/docs/openapi.json', {
    config: { access: 'public' },
    schema: { summary: 'This API as an OpenAPI 3.1 document', response: { 200: Type.Object({}, { additionalProperties: true }) } },
  }, async (_request, reply) => {
    document ??= buildOpenApi(routes, callqaVersion);
    // The document is not call data: let browsers cache it briefly.
    return reply.header('cache-control', 'public, max-age=60').type('application/json').send(JSON.stringify(document));
  });
  app.get('/docs', {
    config: { access: 'public' },
    schema: { summary: 'An index of the routes and who may use them', produces: ['text/html'], response: { 200: Type.String() } },
  }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(renderIndex(routes)));
});
