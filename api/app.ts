/**
 * The QA server as one Fastify plugin, laid out like fastify/demo: external setup first
 * (docs, security headers, rate limits, errors), then the app's services as typed decorators
 * (database, auth, media, jobs), then thin route plugins under /api/v1.
 */
import Fastify from 'fastify';
import { resolveSettings, toAnalyzeConfigSpec } from '../config/index.ts';
import { resolveAnalyzeConfig } from '../pipeline/analyze-config.ts';
import { silentEffects } from '../core/effects.ts';
import { resolveApiOptions, type ApiOptions, type ApiOptionsSpec } from './app-options.ts';
import { authPlugin } from './plugins/app/auth.ts';
import { databasePlugin } from './plugins/app/database.ts';
import { jobsPlugin } from './plugins/app/jobs.ts';
import { mediaPlugin } from './plugins/app/media.ts';
import { retentionPlugin } from './plugins/app/retention.ts';
import { webAppPlugin } from './plugins/app/web-app.ts';
import { answerClientError, errorHandlerPlugin } from './plugins/external/error-handler.ts';
import { finiteNumbersPlugin } from './plugins/external/finite-numbers.ts';
import { openApiPlugin } from './plugins/external/openapi.ts';
import { rateLimitPlugin } from './plugins/external/rate-limit.ts';
import { securityHeadersPlugin } from './plugins/external/security-headers.ts';
import { agentRoutes } from './routes/agents/index.ts';
import { audioRoutes } from './routes/calls/audio.ts';
import { callRoutes } from './routes/calls/index.ts';
import { exampleRoutes } from './routes/examples/index.ts';
import { exportRoutes } from './routes/exports/index.ts';
import { kpiRoutes } from './routes/kpis/index.ts';
import { rescoreRoutes } from './routes/rescores/index.ts';
import { reviewRoutes } from './routes/reviews/index.ts';
import { agentResponseRoutes } from './routes/agent-responses/index.ts';
import { calibrationRoutes } from './routes/calibrations/index.ts';
import { samplingRoutes } from './routes/sampling/index.ts';
import { searchRoutes } from './routes/search/index.ts';
import { uploadRoutes } from './routes/uploads/index.ts';
import { userRoutes } from './routes/users/index.ts';
import { sharedPlugin } from './plugins/shared-plugin.ts';
import { accessLogPlugin } from './plugins/app/access-log.ts';
import { accessLogRoutes } from './routes/access-log/index.ts';
import type { ApiInstance, RoutePlugin, TypeBoxTypeProvider } from './type-provider.ts';

export const apiPrefix = '/api/v1';

const routePlugins: readonly RoutePlugin[] = [
  accessLogRoutes, callRoutes, audioRoutes, searchRoutes, reviewRoutes, agentRoutes, kpiRoutes, exampleRoutes, uploadRoutes, exportRoutes,
  rescoreRoutes, userRoutes, samplingRoutes, calibrationRoutes, agentResponseRoutes,
];

/** The whole app; register it on a Fastify instance of its own (its hooks and decorators reach the root). */
export const appPlugin = sharedPlugin<{ options: ApiOptions }>('callqa-app', async (app, { options }) => {
  await app.register(openApiPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(rateLimitPlugin, { limits: options.rateLimit, now: options.effects.now });
  await app.register(errorHandlerPlugin);
  await app.register(finiteNumbersPlugin);

  await app.register(databasePlugin, { store: options.store, threads: options.duckdbThreads });
  await app.register(authPlugin);
  await app.register(accessLogPlugin);
  await app.register(mediaPlugin, { cacheDir: options.cacheDir });
  await app.register(jobsPlugin, { options });
  await app.register(retentionPlugin, { options });

  for (const routes of routePlugins) await app.register(routes, { prefix: apiPrefix, options });
  await app.register(webAppPlugin);
});

/**
 * Builds the QA server over an open store: `await createApp({ store })`, then `listen` or
 * `inject`. The server is the store's single writer while it runs; closing the app waits for
 * the job in flight and stops the queue (the caller closes the store). Without an
 * `analyzeConfig`, uploads are analysed with the built-in settings (config/), those `callqa analyze` starts from.
 */
export async function createApp(spec: ApiOptionsSpec): Promise<ApiInstance> {
  const analyzeConfig = spec.analyzeConfig ?? (await resolveAnalyzeConfig(toAnalyzeConfigSpec(resolveSettings()), spec.effects ?? silentEffects));
  const options = resolveApiOptions({ ...spec, analyzeConfig });
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimitBytes,
    clientErrorHandler: answerClientError,
    // Unknown body fields are refused rather than silently removed: removal also breaks anyOf bodies.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(appPlugin, { options });
  await app.ready();
  return app;
}
